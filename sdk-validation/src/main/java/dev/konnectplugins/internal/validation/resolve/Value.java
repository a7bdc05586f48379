package dev.konnectplugins.internal.validation.resolve;

import java.util.ArrayList;
import java.util.List;

/** What the resolver knows statically about the value of an expression. */
public sealed interface Value {
    /** Nothing useful is known. */
    Value UNKNOWN = new Unknown();

    /** Nothing useful is known. */
    record Unknown() implements Value {
    }

    /** A global or a field reached from one, such as {@code ngx.timer.at}; the empty path is {@code _G} itself. */
    record Global(List<String> path) implements Value {
        public Global {
            path = List.copyOf(path);
        }

        Global field(String name) {
            List<String> longer = new ArrayList<>(path);
            longer.add(name);
            return new Global(longer);
        }

        /** The path with dots, {@code _G} for the empty path. */
        public String dotted() {
            return path.isEmpty() ? "_G" : String.join(".", path);
        }
    }

    /** What {@code require(module)} returned, or a field of it. */
    record Module(String module) implements Value {
    }

    /** A string constant (literals, and concatenations of them). */
    record Str(String value) implements Value {
    }

    /** An {@code LL}/{@code ULL}/{@code i} literal: an FFI cdata in LuaJIT, which is not a Lua number. */
    record Cdata(String literal) implements Value {
    }

    /** A number constant. */
    record Num(double value) implements Value {
    }

    /** A table built in this file. */
    record Table(TableShape shape) implements Value {
    }

    /** A function defined in this file. */
    record Function(FunctionInfo info) implements Value {
    }
}
