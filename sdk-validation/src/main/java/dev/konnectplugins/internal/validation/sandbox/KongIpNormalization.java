package dev.konnectplugins.internal.validation.sandbox;

import dev.konnectplugins.internal.validation.lua.DecimalDigits;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kong/tools/ip.lua's {@code normalize_ip} at Kong/kong f6b4167a, ported line by line for the host typedef
 * validators ({@link KongAddressChecks}): {@code hostname_type}, {@code normalize_ipv4}, {@code normalize_ipv6} and
 * {@code check_hostname} (with Penlight 1.14's {@code stringx.split}). Strings are Lua strings read as ISO-8859-1.
 */
final class KongIpNormalization {
    static final String INVALID_PORT = "invalid port number";
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");
    private static final Pattern IPV4_PORT =
            Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3}):(\\d+)$");
    private static final Pattern IPV6_GROUPS = Pattern.compile("^(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}$");
    private static final Pattern HOSTNAME = Pattern.compile("^[0-9A-Za-z\\-._]+$");
    private static final Pattern TRAILING_PORT = Pattern.compile(":(\\d+)$");

    /** Kong's result of {@code tools_ip.normalize_ip}: the address type and port, or the error. */
    record Result(String type, boolean hasPort, String error) {
        static Result failed(String error) {
            return new Result(null, false, error);
        }
    }

    private KongIpNormalization() {
    }

    /** kong/tools/ip.lua's {@code normalize_ip}: by {@code hostname_type}, one of the three checks. */
    static Result normalizeIp(String address) {
        String type = hostnameType(address);
        return switch (type) {
            case "ipv6" -> normalizeIpv6(address);
            case "ipv4" -> normalizeIpv4(address);
            default -> checkHostname(address);
        };
    }

    private static String hostnameType(String name) {
        long colons = name.chars().filter(c -> c == ':').count();
        if (colons > 1) {
            return "ipv6";
        }
        String remainder = name.replace(":", "");
        return !remainder.isEmpty() && remainder.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9')
                ? "ipv4" : "name";
    }

    static Result normalizeIpv4(String address) {
        Matcher m = (address.indexOf(':') >= 0 ? IPV4_PORT : IPV4).matcher(address);
        if (!m.matches()) {
            return Result.failed("invalid ipv4 address: " + address);
        }
        for (int g = 1; g <= 4; g++) {
            if (Integer.parseInt(m.group(g)) > 255) {
                return Result.failed("invalid ipv4 address: " + address);
            }
        }
        boolean port = m.groupCount() == 5;
        if (port && overPortRange(m.group(5))) {
            return Result.failed(INVALID_PORT);
        }
        return new Result("ipv4", port, null);
    }

    static Result normalizeIpv6(String address) {
        String check = address;
        boolean hasPort = false;
        if (address.startsWith("[")) {
            int close = balancedEnd(address);
            if (close > 0) {
                check = address.substring(1, close);
                String port = address.substring(close + 1);
                if (!port.isEmpty()) {
                    if (!port.matches(":\\d*")) {
                        return Result.failed("invalid ipv6 address");
                    }
                    if (port.length() == 1 || overPortRange(port.substring(1))) {
                        // tonumber("") is nil, and Kong's "port > 65535" then raises; a refusal either way
                        return Result.failed(INVALID_PORT);
                    }
                    hasPort = true;
                }
            }
        }
        if (check.startsWith(":")) {
            check = "0" + check;
        }
        if (check.endsWith(":")) {
            check = check + "0";
        }
        int dbl = check.indexOf("::");
        if (dbl >= 0) {
            long count = check.chars().filter(c -> c == ':').count();
            String ins = ":" + "0:".repeat((int) Math.max(0, 8 - count));
            check = check.substring(0, dbl) + ins + check.substring(dbl + 2);
        }
        if (!IPV6_GROUPS.matcher(check).matches()) {
            return Result.failed("invalid ipv6 address: " + address);
        }
        return new Result("ipv6", hasPort, null);
    }

    /** Lua's {@code %b[]} at the start of {@code s}: the index of the matching {@code ]}, or -1. */
    private static int balancedEnd(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static Result checkHostname(String address) {
        String name = address;
        Matcher port = TRAILING_PORT.matcher(address);
        boolean hasPort = port.find();
        if (hasPort) {
            name = name.substring(0, name.length() - port.group(1).length() - 1);
            if (overPortRange(port.group(1))) {
                return Result.failed(INVALID_PORT);
            }
        }
        if (!HOSTNAME.matcher(name).matches()) {
            return Result.failed("invalid hostname: " + address);
        }
        List<String> segments = split(name);
        for (int index = 1; index <= segments.size(); index++) {
            String segment = segments.get(index - 1);
            if (segment.endsWith("-") || segment.isEmpty() && index != segments.size()) {
                return Result.failed("invalid hostname: " + address);
            }
        }
        return new Result("name", hasPort, null);
    }

    /** Penlight 1.14's {@code stringx.split(s, ".")}, as kong.tools.string's split is. */
    private static List<String> split(String s) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (true) {
            int dot = s.indexOf('.', from);
            if (dot < 0) {
                String last = s.substring(from);
                if (!last.isEmpty()) {
                    parts.add(last);
                }
                if (parts.size() == 1 && parts.get(0).isEmpty()) {
                    parts.clear();
                }
                break;
            }
            parts.add(s.substring(from, dot));
            from = dot + 1;
        }
        if (s.endsWith(".")) {
            parts.add("");
        }
        return parts;
    }

    private static boolean overPortRange(String digits) {
        String trimmed = DecimalDigits.withoutLeadingZeros(digits);
        return trimmed.length() > 5 || Integer.parseInt(trimmed) > 65535;
    }
}
