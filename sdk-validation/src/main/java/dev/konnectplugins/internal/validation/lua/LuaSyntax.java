package dev.konnectplugins.internal.validation.lua;

import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.ast.Chunk;
import org.luaj.vm2.parser.LuaParser;
import org.luaj.vm2.parser.ParseException;
import org.luaj.vm2.parser.Token;
import org.luaj.vm2.parser.TokenMgrError;

/** Parses prepared Lua source into luaj's AST, turning every failure into a {@link SyntaxProblem}. */
public final class LuaSyntax {
    private static final Pattern LEXICAL_POSITION = Pattern.compile("line (\\d+), column (\\d+)");
    private static final SourcePosition FILE_START = new SourcePosition(1, 1);

    /** The AST, or why there is none. */
    public record Parsed(Chunk chunk, SyntaxProblem problem) {
    }

    /** Parses {@code code}; call it on a thread with a large stack (see {@code Worker}). */
    public static Parsed parse(String code) {
        LuaParser parser = new LuaParser(new StringReader(code));
        // Count a tab as one column, like luacheck, ESLint and editors' "column" do.
        parser.getCharStream().setTabSize(1);
        try {
            return new Parsed(parser.Chunk(), null);
        } catch (ParseException e) {
            return new Parsed(null, fromParseException(e, parser));
        } catch (TokenMgrError e) {
            return new Parsed(null, fromLexicalError(e));
        } catch (StackOverflowError e) {
            return new Parsed(null, new SyntaxProblem(FILE_START, "code is nested too deeply to parse"));
        } catch (RuntimeException e) {
            return new Parsed(null, new SyntaxProblem(FILE_START, "does not parse: " + e.getClass().getSimpleName()));
        }
    }

    private static SyntaxProblem fromParseException(ParseException e, LuaParser parser) {
        // assertfunccall throws ParseException(String) without a token: the parser's own position is right then.
        Token at = e.currentToken != null ? e.currentToken.next : (parser.token != null ? parser.token : null);
        if (at == null) {
            return new SyntaxProblem(FILE_START, "syntax error");
        }
        String near = at.kind == 0 ? "<eof>" : "'" + at.image + "'";
        String what = e.currentToken == null && e.getMessage() != null && e.getMessage().contains("function call")
                ? "syntax error: expected a function call or assignment near " + near
                : "syntax error near " + near;
        return new SyntaxProblem(new SourcePosition(Math.max(1, at.beginLine), Math.max(1, at.beginColumn)), what);
    }

    private static SyntaxProblem fromLexicalError(TokenMgrError e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher m = LEXICAL_POSITION.matcher(message);
        if (m.find()) {
            return new SyntaxProblem(new SourcePosition(Integer.parseInt(m.group(1)),
                    Math.max(1, Integer.parseInt(m.group(2)))),
                    "unexpected symbol");
        }
        return new SyntaxProblem(FILE_START, "unexpected symbol");
    }

    private LuaSyntax() {
    }
}
