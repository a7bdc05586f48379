package dev.konnectplugins.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Optional;

/** Asks the person at the terminal a yes/no question; injected so that tests can answer. */
@FunctionalInterface
interface Prompt {
    /**
     * Shows {@code question} and reads the answer.
     *
     * @return whether the answer was yes; false at the end of input
     */
    boolean confirm(String question);

    /**
     * The terminal, when there is one: only "yes" (as Terraform asks) counts as yes. Since JDK 22
     * {@code System.console()} also returns a console when input and output are redirected (as in CI), so its
     * {@code isTerminal()} decides there; this build targets JDK 17, hence the reflection.
     */
    static Optional<Prompt> terminal() {
        Console console = System.console();
        if (console == null || !isTerminal(console)) {
            return Optional.empty();
        }
        return Optional.of(question -> {
            String answer = console.readLine("%s", question);
            return answer != null && answer.trim().equalsIgnoreCase("yes");
        });
    }

    private static boolean isTerminal(Console console) {
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 17 to 21: a console exists only on a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
