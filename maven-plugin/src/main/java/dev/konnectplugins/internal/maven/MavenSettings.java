package dev.konnectplugins.internal.maven;

import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * What the plugin reads from settings.xml: the token (a {@code <server>}'s password, decrypted when Maven's password
 * encryption was used) and the active {@code <proxy>}. Problems are reported by server or proxy id, never with the
 * secret.
 */
public final class MavenSettings {
    private final Settings settings;
    private final SettingsDecrypter decrypter;

    /**
     * Reads from these settings.
     *
     * @param settings the build's settings
     * @param decrypter Maven's decrypter of {@code {...}} passwords
     */
    public MavenSettings(Settings settings, SettingsDecrypter decrypter) {
        this.settings = settings;
        this.decrypter = decrypter;
    }

    /**
     * The password of the server {@code serverId}, decrypted.
     *
     * @param serverId the {@code <id>} of the {@code <server>}
     * @return the token; empty when settings.xml has no such server
     * @throws IllegalStateException when the server has no password or it cannot be decrypted
     */
    public Optional<String> token(String serverId) {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            return Optional.empty();
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        requireNoProblems(result, "server '" + serverId + "'");
        String password = result.getServer().getPassword();
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("settings.xml: server '" + serverId + "' has no <password>: put the "
                    + "Konnect token there (encrypted with mvn --encrypt-password if you like)");
        }
        return Optional.of(password);
    }

    /**
     * Maven's active proxy, its password decrypted.
     *
     * @return the proxy; empty when settings.xml has no active one
     * @throws IllegalStateException when its password cannot be decrypted
     */
    public Optional<Proxy> activeProxy() {
        Proxy proxy = settings == null ? null : settings.getActiveProxy();
        if (proxy == null) {
            return Optional.empty();
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
        requireNoProblems(result, "proxy '" + proxy.getId() + "'");
        return Optional.of(result.getProxy());
    }

    private static void requireNoProblems(SettingsDecryptionResult result, String what) {
        if (!result.getProblems().isEmpty()) {
            throw new IllegalStateException("settings.xml: cannot decrypt the password of " + what + ": "
                    + result.getProblems().stream().map(SettingsProblem::getMessage)
                    .collect(Collectors.joining("; ")));
        }
    }
}
