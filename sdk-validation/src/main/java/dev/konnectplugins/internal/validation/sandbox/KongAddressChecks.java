package dev.konnectplugins.internal.validation.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.LuaString;

/**
 * Kong's typedef validators of hosts, addresses, URLs, HTTP tokens and UTF-8 strings, ported line by line from
 * Kong/kong f6b4167a: kong/db/schema/typedefs.lua ({@code validate_host}, {@code validate_host_with_optional_port},
 * {@code validate_sni}, {@code validate_wildcard_host}, {@code validate_host_with_wildcards}, {@code validate_ip},
 * {@code validate_ip_or_cidr}, {@code validate_ip_or_cidr_v4}, {@code validate_url}, {@code validate_utf8_string}),
 * kong/tools/ip.lua ({@code normalize_ip}, in {@link KongIpNormalization}, and the ipmatcher checks),
 * kong/tools/http.lua
 * ({@code validate_http_token}, which is {@code validate_cookie_name}) and kong/tools/string.lua
 * ({@code validate_utf8}). Each method gives Kong's message for a refused value, or null. Strings are Lua strings:
 * bytes, read here as ISO-8859-1 characters so that a Lua pattern's byte classes ({@code %d}, {@code %a}) keep
 * their meaning.
 */
public final class KongAddressChecks {
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");
    private static final Pattern URL_SCHEME = Pattern.compile("^[0-9A-Za-z][0-9A-Za-z+\\-.]*:");


    private KongAddressChecks() {
    }

    /** Receives one ported validator: the typedef it checks, Kong's function name, and the check. */
    @FunctionalInterface
    public interface Registry {
        void add(String typedef, String kongName, Function<LuaString, String> check);
    }

    /** Every validator of this class, by the typedef whose {@code custom_validator} it is. */
    public static void register(Registry registry) {
        registry.add("host", "validate_host", KongAddressChecks::host);
        registry.add("redis_host", "validate_host", KongAddressChecks::host);
        registry.add("host_with_optional_port", "validate_host_with_optional_port",
                KongAddressChecks::hostWithOptionalPort);
        registry.add("host_with_wildcards", "validate_host_with_wildcards", KongAddressChecks::hostWithWildcards);
        registry.add("sni", "validate_sni", KongAddressChecks::sni);
        registry.add("redis_server_name", "validate_sni", KongAddressChecks::sni);
        registry.add("wildcard_host", "validate_wildcard_host", KongAddressChecks::wildcardHost);
        registry.add("ip", "validate_ip", KongAddressChecks::ip);
        registry.add("ip_or_cidr", "validate_ip_or_cidr", KongAddressChecks::ipOrCidr);
        registry.add("cidr_v4", "validate_ip_or_cidr_v4", KongAddressChecks::ipOrCidrV4);
        registry.add("cidr", "validate_ip_or_cidr_v4", KongAddressChecks::ipOrCidrV4);
        registry.add("url", "validate_url", KongAddressChecks::url);
        registry.add("cookie_name", "validate_cookie_name", KongAddressChecks::httpToken);
        registry.add("utf8_string", "validate_utf8_string", KongAddressChecks::utf8String);
    }

    /** {@code validate_host}: a name or address without a port. */
    public static String host(LuaString value) {
        String raw = bytes(value);
        KongIpNormalization.Result n = KongIpNormalization.normalizeIp(raw);
        if (n.error() != null && !n.error().equals(KongIpNormalization.INVALID_PORT)) {
            return "invalid value: " + value.tojstring();
        }
        return KongIpNormalization.INVALID_PORT.equals(n.error()) || n.hasPort() ? "must not have a port" : null;
    }

    /** {@code validate_host_with_optional_port}: normalize_ip's own error. */
    public static String hostWithOptionalPort(LuaString value) {
        return KongIpNormalization.normalizeIp(bytes(value)).error();
    }

    /** {@code validate_host_with_wildcards}: every {@code *} read as {@code abc}, then with an optional port. */
    public static String hostWithWildcards(LuaString value) {
        return KongIpNormalization.normalizeIp(bytes(value).replace("*", "abc")).error();
    }

    /** {@code validate_sni}: a name, not an IP, without a port. */
    public static String sni(LuaString value) {
        return nameWithoutPort(bytes(value), value.tojstring());
    }

    /** {@code validate_wildcard_host}: at most one {@code *}, leftmost or rightmost, then as {@code validate_sni}. */
    public static String wildcardHost(LuaString value) {
        String raw = bytes(value);
        int idx = raw.indexOf('*');
        if (idx >= 0) {
            if (idx != 0 && idx != raw.length() - 1) {
                return "wildcard must be leftmost or rightmost character";
            }
            if (raw.indexOf('*', idx + 1) >= 0) {
                return "only one wildcard must be specified";
            }
            raw = raw.replace("*", "wildcard");
        }
        return nameWithoutPort(raw, new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    /** {@code validate_ip}: an IPv4 or IPv6 address, as resty.ipmatcher's inet_pton parses it. */
    public static String ip(LuaString value) {
        String raw = bytes(value);
        return isIpv4(raw) || isIpv6(raw) ? null : "not an ip address: " + value.tojstring();
    }

    /** {@code validate_ip_or_cidr}: {@code is_valid_ip_or_cidr}. */
    public static String ipOrCidr(LuaString value) {
        String raw = bytes(value);
        boolean ok = isIpv4(raw) || isIpv6(raw) || cidr(raw, 32, KongAddressChecks::isIpv4)
                || cidr(raw, 128, KongAddressChecks::isIpv6);
        return ok ? null : "invalid ip or cidr range: '" + value.tojstring() + "'";
    }

    /** {@code validate_ip_or_cidr_v4}: {@code is_valid_ip_or_cidr_v4}. */
    public static String ipOrCidrV4(LuaString value) {
        String raw = bytes(value);
        return isIpv4(raw) || cidr(raw, 32, KongAddressChecks::isIpv4) ? null
                : "invalid ipv4 cidr range: '" + value.tojstring() + "'";
    }

    /**
     * {@code validate_url}: LuaSocket's {@code url.parse} must find a host (a non-empty authority after
     * {@code //}) and a scheme.
     */
    public static String url(LuaString value) {
        String raw = bytes(value);
        if (raw.isEmpty()) {
            return "could not parse url. invalid url";
        }
        Matcher scheme = URL_SCHEME.matcher(raw);
        boolean hasScheme = scheme.find();
        String rest = hasScheme ? raw.substring(scheme.end()) : raw;
        if (!rest.startsWith("//")) {
            return "missing host in url";
        }
        int end = rest.indexOf('/', 2);
        String authority = rest.substring(2, end < 0 ? rest.length() : end);
        // url.parse cuts the fragment, query and params off the whole rest; an authority has none of #?; only
        // when they come before the path.
        authority = authority.split("[#?;]", -1)[0];
        authority = authority.replaceFirst("^[^@]*@", "");
        authority = authority.replaceFirst(":[^:]*$", "");
        if (authority.isEmpty()) {
            return "missing host in url";
        }
        return hasScheme ? null : "missing scheme in url";
    }

    /** {@code validate_http_token} (Kong's {@code validate_cookie_name}): an RFC 2616 token. */
    public static String httpToken(LuaString value) {
        if (value.m_length == 0) {
            return "no token provided";
        }
        for (int i = 0; i < value.m_length; i++) {
            int b = value.luaByte(i);
            if (b <= 0x1F || b >= 0x7F || " \t()<>@,;:\\\"/?={}[]".indexOf(b) >= 0) {
                return "contains one or more invalid characters. ASCII control characters (0-31;127), space, tab and"
                        + " the characters ()<>@,;:\\\"/?={}[] are not allowed.";
            }
        }
        return null;
    }

    /**
     * {@code validate_utf8_string} with kong/tools/string.lua's {@code validate_utf8}, whose two-byte class is
     * {@code [\194-\223][\123-\191]} (123, not 128: Kong's, kept).
     */
    public static String utf8String(LuaString value) {
        int i = 0;
        int len = value.m_length;
        while (i < len) {
            int step = utf8Step(value, i);
            if (step == 0) {
                return "invalid utf-8 character sequence detected at position " + (i + 1);
            }
            i += step;
        }
        return null;
    }

    private static int utf8Step(LuaString s, int i) {
        int b0 = s.luaByte(i);
        if (b0 <= 127) {
            return 1;
        }
        if (b0 >= 194 && b0 <= 223 && in(s, i + 1, 123, 191)) {
            return 2;
        }
        boolean three = b0 == 224 && in(s, i + 1, 160, 191) || b0 >= 225 && b0 <= 236 && in(s, i + 1, 128, 191)
                || b0 == 237 && in(s, i + 1, 128, 159) || b0 >= 238 && b0 <= 239 && in(s, i + 1, 128, 191);
        if (three && in(s, i + 2, 128, 191)) {
            return 3;
        }
        boolean four = b0 == 240 && in(s, i + 1, 144, 191) || b0 >= 241 && b0 <= 243 && in(s, i + 1, 128, 191)
                || b0 == 244 && in(s, i + 1, 128, 143);
        return four && in(s, i + 2, 128, 191) && in(s, i + 3, 128, 191) ? 4 : 0;
    }

    private static boolean in(LuaString s, int i, int lo, int hi) {
        return i < s.m_length && s.luaByte(i) >= lo && s.luaByte(i) <= hi;
    }

    private static String nameWithoutPort(String raw, String shown) {
        KongIpNormalization.Result n = KongIpNormalization.normalizeIp(raw);
        if (n.error() != null && !n.error().equals(KongIpNormalization.INVALID_PORT)) {
            return "invalid value: " + shown;
        }
        if (n.type() != null && !n.type().equals("name")) {
            return "must not be an IP";
        }
        return KongIpNormalization.INVALID_PORT.equals(n.error()) || n.hasPort() ? "must not have a port" : null;
    }


    /** resty.ipmatcher's parse_ipv4: inet_pton(AF_INET), four decimal parts of at most 255, no leading zero. */
    private static boolean isIpv4(String s) {
        Matcher m = IPV4.matcher(s);
        if (!m.matches()) {
            return false;
        }
        for (int g = 1; g <= 4; g++) {
            String part = m.group(g);
            if (part.length() > 1 && part.charAt(0) == '0' || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** resty.ipmatcher's parse_ipv6: inet_pton(AF_INET6) (an embedded IPv4 tail allowed), brackets stripped. */
    private static boolean isIpv6(String s) {
        String a = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        if (a.isEmpty() || a.indexOf("::") != a.lastIndexOf("::")) {
            return false;
        }
        int groups = 0;
        String rest = a;
        int lastColon = a.lastIndexOf(':');
        if (lastColon >= 0 && a.indexOf('.', lastColon) > 0) {
            if (!isIpv4(a.substring(lastColon + 1))) {
                return false;
            }
            groups += 2;
            rest = a.substring(0, lastColon + 1);
            rest = rest.endsWith("::") ? rest : rest.substring(0, rest.length() - 1);
        }
        boolean compressed = rest.contains("::");
        String[] sides = compressed ? rest.split("::", -1) : new String[] {rest};
        for (String side : sides) {
            if (side.isEmpty()) {
                continue;
            }
            for (String g : side.split(":", -1)) {
                if (!g.matches("[0-9A-Fa-f]{1,4}")) {
                    return false;
                }
                groups++;
            }
        }
        return compressed ? groups <= 7 : groups == 8;
    }

    private static boolean cidr(String s, int maxPrefix, java.util.function.Predicate<String> address) {
        int p = s.indexOf('/', Math.min(2, s.length()));
        if (p < 0) {
            return false;
        }
        String prefix = s.substring(p + 1);
        if (!prefix.matches("0|[1-9]\\d{0,2}") || Integer.parseInt(prefix) > maxPrefix) {
            return false;
        }
        return address.test(s.substring(0, p));
    }

    private static String bytes(LuaString value) {
        return new String(value.m_bytes, value.m_offset, value.m_length, StandardCharsets.ISO_8859_1);
    }
}
