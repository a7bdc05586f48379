package dev.konnectplugins.internal.testkit;

import dev.konnectplugins.internal.testkit.LuaTokens.Kind;
import dev.konnectplugins.internal.testkit.LuaTokens.Token;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the plugin name a schema.lua declares, best effort and without running Lua: the first
 * {@code name = "x"} (or {@code name = SOME_CONSTANT}) that is a key of a top-level table constructor, with
 * constants taken from top-level {@code local SOME_CONSTANT = "x"} assignments. Kong checks the same name by
 * loading the schema; this static reading covers the shapes plugin templates actually use.
 */
final class LuaSchemaName {

    private LuaSchemaName() {
    }

    public static Optional<String> of(String luaSchema) {
        if (luaSchema == null) {
            return Optional.empty();
        }
        List<Token> tokens = LuaTokens.of(luaSchema);
        Map<String, String> constants = new HashMap<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.depth() == 0) {
                recordConstant(tokens, i, constants);
            } else if (token.depth() == 1 && isNameKey(tokens, i)) {
                return valueOf(tokens.get(i + 2), constants);
            }
        }
        return Optional.empty();
    }

    private static void recordConstant(List<Token> tokens, int i, Map<String, String> constants) {
        Token name = tokens.get(i);
        if (name.kind() == Kind.NAME && tokens.get(i + 1).kind() == Kind.ASSIGN
                && tokens.get(i + 2).kind() == Kind.STRING) {
            constants.put(name.text(), tokens.get(i + 2).text());
        }
    }

    /** {@code name =} directly inside a table constructor: after '{', ',' or ';', never {@code x.name =}. */
    private static boolean isNameKey(List<Token> tokens, int i) {
        if (i == 0 || !tokens.get(i).text().equals("name") || tokens.get(i).kind() != Kind.NAME
                || tokens.get(i + 1).kind() != Kind.ASSIGN) {
            return false;
        }
        Kind before = tokens.get(i - 1).kind();
        return before == Kind.OPEN || before == Kind.SEPARATOR;
    }

    private static Optional<String> valueOf(Token value, Map<String, String> constants) {
        if (value.kind() == Kind.STRING) {
            return Optional.of(value.text());
        }
        return value.kind() == Kind.NAME ? Optional.ofNullable(constants.get(value.text())) : Optional.empty();
    }
}
