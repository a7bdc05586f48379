package dev.konnectplugins.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Lazy subcommands: a command line gets the subcommand it names, and help, completion and typos see them all. */
class SubcommandsTest {
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void eachNameAndAliasMakesTheSubcommandThatAnswersToIt() {
        assertThat(Subcommands.ALONE).isNotEmpty();
        for (String name : Subcommands.ALONE) {
            Command command = Subcommands.create(name).getClass().getAnnotation(Command.class);
            List<String> names = new ArrayList<>(List.of(command.aliases()));
            names.add(command.name());
            assertThat(names).as(name).contains(name);
        }
        assertThatThrownBy(() -> Subcommands.create("snyc")).hasMessageContaining("snyc");
    }

    @Test
    void aNamedSubcommandIsAddedAlone() {
        assertThat(added("validate", "plugins/")).containsExactly("validate");
        assertThat(added("diff", "plugins/")).containsExactly("plan", "diff");
        assertThat(added("sync", "--help")).containsExactly("sync");
    }

    @Test
    void helpCompletionAndTyposSeeEverySubcommandInHelpOrder() {
        List<String> all = List.of("validate", "plan", "diff", "sync", "pull", "list", "get", "delete",
                "generate-completion");
        assertThat(added()).containsExactlyElementsOf(all);
        assertThat(added("--help")).containsExactlyElementsOf(all);
        assertThat(added("generate-completion")).containsExactlyElementsOf(all);
        assertThat(added("snyc", "plugins/")).containsExactlyElementsOf(all);
        assertThat(added("-h", "validate")).containsExactlyElementsOf(all);
    }

    @Test
    void versionIsPrintedWithoutPicocli() {
        assertThat(Version.asked(new String[] {"--version"})).isTrue();
        assertThat(Version.asked(new String[] {"-V"})).isTrue();
        assertThat(Version.asked(new String[] {"--version", "validate"})).isFalse();
        assertThat(Version.asked(new String[] {"validate", "--version"})).isFalse();
        ByteArrayOutputStream fast = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(fast, true, StandardCharsets.UTF_8);
        assertThat(Main.run(new String[] {"--version"}, Map.of(), out, NOWHERE, false)).isZero();
        StringWriter picocli = new StringWriter();
        KonnectPluginsCommand root = new KonnectPluginsCommand(Map.of(), NOWHERE, NOWHERE, false, Optional.empty());
        new CommandLine(root).printVersionHelp(new PrintWriter(picocli, true));
        assertThat(fast.toString(StandardCharsets.UTF_8)).startsWith("konnect-plugins ")
                .isEqualTo(picocli.toString());
    }

    private static List<String> added(String... args) {
        KonnectPluginsCommand root = new KonnectPluginsCommand(Map.of(), NOWHERE, NOWHERE, false, Optional.empty());
        return new ArrayList<>(Subcommands.addNeeded(new CommandLine(root), args).getSubcommands().keySet());
    }
}
