package dev.konnectplugins.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ```java block of the READMEs compiles as shown, against the SDK modules on this module's test class path: a
 * README that drifts from the API (a renamed method, a missing import, a variable it never declares) fails here.
 *
 * <p>A block that declares a type compiles as its own file; any other block is statements, compiled as the body of a
 * method that {@code throws Exception}, with the block's own import lines on top. Nothing else is declared for it.
 * All blocks of all READMEs compile in one compiler call, each in its own package so their names never collide.
 */
class ReadmeSnippetsTest {

    /** The READMEs whose Java blocks must compile, relative to the repository root. */
    private static final List<String> READMES = List.of("README.md", "sdk-core/README.md",
            "sdk-validation/README.md", "sdk-testkit/README.md", "sdk-sync/README.md", "cli/README.md",
            "examples/README.md");

    /** A top-level type declaration at the start of a line: such a block is a compilation unit of its own. */
    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "(?m)^(?:public\\s+|final\\s+|abstract\\s+)*(?:class|interface|record|enum)\\s+(?<name>\\w+)");

    @TempDir
    Path classesOut;

    @Test
    void everyReadmeJavaBlockCompilesAsShown() throws IOException {
        List<Snippet> snippets = new ArrayList<>();
        for (String readme : READMES) {
            Path file = repositoryRoot().resolve(readme);
            if (Files.exists(file)) {
                snippets.addAll(javaBlocks(readme, Files.readAllLines(file)));
            }
        }
        // The root README's usage and testing sections alone hold several blocks: none found means a broken parser.
        assertThat(snippets).as("java blocks found in %s", READMES).hasSizeGreaterThan(5);

        Map<Snippet, List<String>> failures = compile(snippets);

        assertThat(failures).withFailMessage(() -> report(failures)).isEmpty();
    }

    private static Path repositoryRoot() {
        String examples = System.getProperty("konnect.examples.basedir", System.getProperty("user.dir"));
        return Path.of(examples).toAbsolutePath().getParent();
    }

    /** The ```java blocks of one README, each with the line number of its opening fence. */
    static List<Snippet> javaBlocks(String readme, List<String> lines) {
        List<Snippet> blocks = new ArrayList<>();
        int openedAt = -1;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (openedAt < 0 && line.strip().equals("```java")) {
                openedAt = i + 1;
                body.setLength(0);
            } else if (openedAt >= 0 && line.strip().equals("```")) {
                blocks.add(new Snippet(readme, openedAt, body.toString()));
                openedAt = -1;
            } else if (openedAt >= 0) {
                body.append(line).append('\n');
            }
        }
        if (openedAt >= 0) {
            throw new IllegalStateException(readme + ":" + openedAt + ": ```java block is never closed");
        }
        return blocks;
    }

    /** Compiles all snippets at once; answers the error diagnostics of each snippet that does not compile. */
    private Map<Snippet, List<String>> compile(List<Snippet> snippets) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK's compiler (tests run on a JDK, not a JRE)").isNotNull();
        Map<URI, Snippet> byUri = new LinkedHashMap<>();
        List<JavaFileObject> units = new ArrayList<>();
        for (Snippet snippet : snippets) {
            JavaFileObject unit = snippet.compilationUnit();
            byUri.put(unit.toUri(), snippet);
            units.add(unit);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        // should-stop.ifError=FLOW: one block's syntax error must not hide the other blocks' type errors (by default
        // javac stops after parsing when any file fails to parse).
        List<String> options = List.of("-classpath", testClassPath(), "-d", classesOut.toString(), "-proc:none",
                "-Xlint:none", "-encoding", "UTF-8", "-XDshould-stop.ifError=FLOW");
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            compiler.getTask(null, files, diagnostics, options, null, units).call();
        }
        Map<Snippet, List<String>> failures = new LinkedHashMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            Snippet snippet = d.getSource() == null ? null : byUri.get(d.getSource().toUri());
            failures.computeIfAbsent(snippet, s -> new ArrayList<>()).add(describe(d, snippet));
        }
        return failures;
    }

    /** Surefire's own class path is a manifest-only jar; the class path it stands for is in this property. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String classPath = surefire != null ? surefire : System.getProperty("java.class.path");
        assertThat(classPath).as("test class path").contains("sdk-core").contains("sdk-testkit")
                .contains("sdk-validation").contains("sdk-sync");
        return classPath;
    }

    private static String describe(Diagnostic<? extends JavaFileObject> d, Snippet snippet) {
        String where = snippet == null ? "" : "generated line " + d.getLineNumber() + " `"
                + snippet.generatedLine(d.getLineNumber()).strip() + "`: ";
        return where + d.getMessage(Locale.ROOT);
    }

    private static String report(Map<Snippet, List<String>> failures) {
        return failures.entrySet().stream()
                .map(e -> (e.getKey() == null ? "(no source)" : e.getKey().readme() + ":" + e.getKey().line()
                        + ": ```java block does not compile")
                        + e.getValue().stream().map(m -> "\n    " + m).collect(Collectors.joining()))
                .collect(Collectors.joining("\n", "README snippets that do not compile:\n", ""));
    }

    /** One ```java block: which README, the line of its opening fence, and its text. */
    record Snippet(String readme, int line, String text) {

        /** A package of its own per block, so two blocks may declare the same names. */
        String packageName() {
            String module = readme.contains("/") ? readme.substring(0, readme.indexOf('/')) : "root";
            return "readme." + module.replaceAll("\\W", "_") + ".line" + line;
        }

        boolean declaresType() {
            return TYPE_DECLARATION.matcher(text).find();
        }

        /** The Java source the compiler sees: the block as is, or its statements in a method. */
        String source() {
            String header = "package " + packageName() + ";\n";
            if (declaresType()) {
                return header + text;
            }
            String imports = text.lines().filter(ReadmeSnippetsTest::isImport)
                    .collect(Collectors.joining("\n", "", "\n"));
            String statements = text.lines().filter(l -> !isImport(l)).collect(Collectors.joining("\n", "", "\n"));
            return header + imports + "class Snippet {\n    void run() throws Exception {\n" + statements + "    }\n}\n";
        }

        String generatedLine(long number) {
            List<String> lines = source().lines().toList();
            return number >= 1 && number <= lines.size() ? lines.get((int) number - 1) : "";
        }

        JavaFileObject compilationUnit() {
            String source = source();
            String className = declaresType() ? typeName() : "Snippet";
            URI uri = URI.create("string:///" + packageName().replace('.', '/') + "/" + className + ".java");
            return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
        }

        /** The first declared type's name: javac wants a public type's file named after it. */
        String typeName() {
            Matcher matcher = TYPE_DECLARATION.matcher(text);
            matcher.find();
            return matcher.group("name");
        }

        @Override
        public String toString() {
            return readme + ":" + line;
        }
    }

    private static boolean isImport(String line) {
        return line.startsWith("import ");
    }
}
