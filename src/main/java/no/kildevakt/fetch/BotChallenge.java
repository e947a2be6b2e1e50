package no.kildevakt.fetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.Response;

/**
 * A bot wall: a page from a CDN or bot manager (Cloudflare, Akamai, DataDome, PerimeterX, ...)
 * that stands in for the content until a browser runs its JavaScript. Such an answer says the
 * source is <em>blocked</em>, not broken or gone, and retrying only makes it worse — and a 200
 * challenge page must never be parsed as content. The crawler and the link checker both ask
 * {@link #detect} before trusting a response.
 *
 * <p>Detection is deliberately conservative for 200 responses: ordinary pages behind Cloudflare
 * carry {@code /cdn-cgi/challenge-platform/} scripts too, so a 200 counts only with a challenge
 * header or the challenge page's own markers.
 *
 * @param vendor who put the wall up, e.g. "Cloudflare"
 */
public record BotChallenge(String vendor) {

    /** How much of a body {@link #detect(Response)} looks at; challenge markers sit near the top. */
    public static final long PEEK_BYTES = 64 * 1024;

    public BotChallenge {
        Objects.requireNonNull(vendor, "vendor");
    }

    /** "bot challenge (Cloudflare)", for error messages. */
    public String description() {
        return "bot challenge (" + vendor + ")";
    }

    /**
     * Looks at a response without consuming it: the headers and up to {@link #PEEK_BYTES} of the body.
     * A body that cannot be read is judged by its headers alone.
     */
    public static Optional<BotChallenge> detect(Response response) {
        String bodyStart = "";
        try {
            bodyStart = response.peekBody(PEEK_BYTES).string();
        } catch (IOException | IllegalStateException unreadable) {
            // judge by headers and status alone
        }
        return detect(response.code(), response.headers(), bodyStart);
    }

    /**
     * @param status    the HTTP status
     * @param headers   the response headers
     * @param bodyStart the beginning of the (decompressed) body; null or empty when unknown
     */
    public static Optional<BotChallenge> detect(int status, Headers headers, String bodyStart) {
        return detectLowered(status, headers, bodyStart == null ? "" : bodyStart.toLowerCase(Locale.ROOT));
    }

    /**
     * {@link #detect(int, Headers, String)} of a body start not yet decoded: the markers are ASCII, so
     * only ASCII letters need lowering and the bytes can be read as Latin-1. Why: lowering a decoded
     * copy of up to 64 KB was 3-4% of a link check's CPU.
     */
    public static Optional<BotChallenge> detect(int status, Headers headers, byte[] bodyStart) {
        byte[] lowered = new byte[bodyStart.length];
        for (int i = 0; i < lowered.length; i++) {
            byte b = bodyStart[i];
            lowered[i] = b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
        }
        return detectLowered(status, headers, new String(lowered, StandardCharsets.ISO_8859_1));
    }

    private static Optional<BotChallenge> detectLowered(int status, Headers headers, String body) {
        String server = lower(headers.get("Server"));
        boolean wallStatus = status == 401 || status == 403 || status == 429 || status == 503;

        // headers that name a challenge outright, whatever the status
        if ("challenge".equals(lower(headers.get("cf-mitigated")))) {
            return found("Cloudflare");
        }
        String vercel = lower(headers.get("x-vercel-mitigated"));
        if (vercel.equals("challenge") || vercel.equals("deny")) {
            return found("Vercel");
        }
        String awsWaf = lower(headers.get("x-amzn-waf-action"));
        if (awsWaf.equals("captcha") || awsWaf.equals("challenge")) {
            return found("AWS WAF");
        }

        // markers that only challenge pages carry, whatever the status
        if (body.contains("window._cf_chl_opt") || body.contains("cf-chl-widget")
                || (server.contains("cloudflare") && body.contains("<title>just a moment...</title>"))) {
            return found("Cloudflare");
        }
        if (body.contains("incapsula incident id")) {
            return found("Imperva");
        }
        if (!wallStatus) {
            return Optional.empty();
        }

        // a refusal status with a vendor's fingerprint
        if (server.contains("cloudflare") && (body.contains("just a moment") || body.contains("challenge-platform")
                || body.contains("cf-chl") || body.contains("cf_chl") || body.contains("attention required! | cloudflare")
                || body.contains("cf-error-details"))) {
            return found("Cloudflare");
        }
        if (server.contains("datadome") || headers.get("x-datadome") != null || headers.get("x-dd-b") != null
                || body.contains("captcha-delivery.com")) {
            return found("DataDome");
        }
        if (body.contains("px-captcha") || body.contains("_pxappid") || body.contains("perimeterx")
                || body.contains("px-cloud.net") || body.contains("px-cdn.net")) {
            return found("PerimeterX");
        }
        if (server.contains("akamaighost") || headers.get("akamai-grn") != null
                || body.contains("errors.edgesuite.net") || body.contains("sec-if-cpt-container")) {
            return found("Akamai");
        }
        if (headers.get("x-sucuri-id") != null && body.contains("sucuri website firewall")) {
            return found("Sucuri");
        }
        if (body.contains("_incapsula_resource")) {
            return found("Imperva");
        }
        return Optional.empty();
    }

    private static Optional<BotChallenge> found(String vendor) {
        return Optional.of(new BotChallenge(vendor));
    }

    private static String lower(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }
}
