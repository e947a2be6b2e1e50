package no.kildevakt.fetch;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sets kildevakt's User-Agent on every request, robots.txt fetches included, so a site owner
 * always sees who is calling and how to reach us. Outermost, so every redirect hop and retry
 * inherits it. A client may add fixed headers of its own here (the link checker asks for pages as
 * a browser does, with Accept and Accept-Language).
 */
final class UserAgentInterceptor implements Interceptor {
    private final String userAgent;
    private final Headers alsoSet;

    UserAgentInterceptor(String userAgent) {
        this(userAgent, Headers.EMPTY);
    }

    /** @param alsoSet headers set on every request after the User-Agent, replacing any of the same name */
    UserAgentInterceptor(String userAgent, Headers alsoSet) {
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        this.alsoSet = Objects.requireNonNull(alsoSet, "alsoSet");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request.Builder request = chain.request().newBuilder().header("User-Agent", userAgent);
        for (int i = 0; i < alsoSet.size(); i++) {
            request.header(alsoSet.name(i), alsoSet.value(i));
        }
        return chain.proceed(request.build());
    }
}
