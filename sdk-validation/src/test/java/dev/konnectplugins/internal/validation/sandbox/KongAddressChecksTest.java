package dev.konnectplugins.internal.validation.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luaj.vm2.LuaString;

/**
 * Kong's host, address, URL, token and UTF-8 typedef validators (kong/db/schema/typedefs.lua, kong/tools/ip.lua at
 * f6b4167a): the messages are Kong's, as the oracle printed them for generated defaults.
 */
class KongAddressChecksTest {
    private static String check(Function<LuaString, String> f, String value) {
        return f.apply(LuaString.valueOf(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "OK", value = {
        "example.com|OK", "example.com.|OK", "a_b.com|OK", "10.0.0.1|OK", "::1|OK",
        "example.com:8080|must not have a port", "10.0.0.1:80|must not have a port", "[::1]:80|must not have a port",
        "10.0.0.1:99999|must not have a port", "bad cookie|invalid value: bad cookie",
        "-bad-.com|invalid value: -bad-.com", "a..b|invalid value: a..b", "300.1.1.1|invalid value: 300.1.1.1",
        "https://user@host:8443/p?q=1|invalid value: https://user@host:8443/p?q=1"})
    void host(String value, String expected) {
        assertThat(check(KongAddressChecks::host, value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "OK", value = {
        "example.com:8080|OK", "1.2.3.4:80|OK", "[::1]:80|OK", "10.0.0.0/8|invalid hostname: 10.0.0.0/8",
        "/p|invalid hostname: /p", "10.0.0.1:99999|invalid port number", "fe80::1/64|invalid ipv6 address: fe80::1/64"})
    void hostWithOptionalPort(String value, String expected) {
        assertThat(check(KongAddressChecks::hostWithOptionalPort, value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "OK", value = {
        "example.com|OK", "10.0.0.1|must not be an IP", "::1|must not be an IP", "/p//q|invalid value: /p//q",
        "example.com:443|must not have a port"})
    void sni(String value, String expected) {
        assertThat(check(KongAddressChecks::sni, value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "OK", value = {
        "*.example.com|OK", "example.*|OK", "ex*mple.com|wildcard must be leftmost or rightmost character",
        "*.example.*|only one wildcard must be specified", "10.0.0.1/33|invalid value: 10.0.0.1/33"})
    void wildcardHost(String value, String expected) {
        assertThat(check(KongAddressChecks::wildcardHost, value)).isEqualTo(expected);
    }

    @Test
    void hostsAcceptWildcardsAnywhere() {
        assertThat(check(KongAddressChecks::hostWithWildcards, "ex*mple.com")).isNull();
        assertThat(check(KongAddressChecks::hostWithWildcards, "/p")).isEqualTo("invalid hostname: /p");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "OK", value = {
        "10.0.0.1|OK", "::1|OK", "::ffff:1.2.3.4|OK", "fe80::1|OK", "1:2:3:4:5:6:7:8|OK",
        "01.0.0.1|not an ip address: 01.0.0.1", "1:2:3:4:5:6:7:8:9|not an ip address: 1:2:3:4:5:6:7:8:9",
        "get|not an ip address: get", "1::2::3|not an ip address: 1::2::3"})
    void ip(String value, String expected) {
        assertThat(check(KongAddressChecks::ip, value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "OK", value = {
        "10.0.0.0/8|OK", "10.0.0.1|OK", "fe80::1/64|OK", "::1|OK",
        "10.0.0.1/33|invalid ip or cidr range: '10.0.0.1/33'",
        "x|invalid ip or cidr range: 'x'", "10.0.0.0/08|invalid ip or cidr range: '10.0.0.0/08'"})
    void ipOrCidr(String value, String expected) {
        assertThat(check(KongAddressChecks::ipOrCidr, value)).isEqualTo(expected);
    }

    @Test
    void cidrV4RefusesIpv6() {
        assertThat(check(KongAddressChecks::ipOrCidrV4, "10.0.0.0/24")).isNull();
        assertThat(check(KongAddressChecks::ipOrCidrV4, "::1")).isEqualTo("invalid ipv4 cidr range: '::1'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "OK", value = {
        "http://example.com/x|OK", "https://user@host:8443/p?q=1|OK", "example|missing host in url",
        "//host/p|missing scheme in url", "http://|missing host in url", "''|could not parse url. invalid url"})
    void url(String value, String expected) {
        assertThat(check(KongAddressChecks::url, value)).isEqualTo(expected);
    }

    @Test
    void cookieNameIsAnHttpToken() {
        assertThat(check(KongAddressChecks::httpToken, "session")).isNull();
        assertThat(check(KongAddressChecks::httpToken, "")).isEqualTo("no token provided");
        assertThat(check(KongAddressChecks::httpToken, "bad cookie")).startsWith("contains one or more invalid");
        assertThat(check(KongAddressChecks::httpToken, "/p")).startsWith("contains one or more invalid");
        assertThat(KongAddressChecks.httpToken(LuaString.valueOf(new byte[] {(byte) 0xc3, (byte) 0xa9})))
                .startsWith("contains one or more invalid");
    }

    @Test
    void utf8StringKeepsKongsTwoByteRange() {
        assertThat(check(KongAddressChecks::utf8String, "café")).isNull();
        assertThat(KongAddressChecks.utf8String(LuaString.valueOf(new byte[] {'a', (byte) 0xc3, '{'}))).isNull();
        assertThat(KongAddressChecks.utf8String(LuaString.valueOf(new byte[] {'a', (byte) 0xc3})))
                .isEqualTo("invalid utf-8 character sequence detected at position 2");
    }
}
