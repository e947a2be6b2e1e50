package no.kildevakt.fetch;

import java.io.IOException;
import java.util.Optional;
import no.kildevakt.fetch.FetchException.Kind;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Refuses a request its site's robots.txt disallows, before anything is sent to the site.
 * Inside the redirect interceptor, so every hop is checked against its own host's rules.
 * robots.txt requests themselves (tagged {@link RobotsCache.RobotsFetch}) pass unchecked.
 */
final class RobotsInterceptor implements Interceptor {
    private final RobotsCache robots;

    RobotsInterceptor(RobotsCache robots) {
        this.robots = robots;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (chain.request().tag(RobotsCache.RobotsFetch.class) != null) {
            return chain.proceed(chain.request());
        }
        HttpUrl url = chain.request().url();
        RobotsCache.HostRobots rules = robots.rulesFor(url);
        Optional<String> refusal = robots.refusal(rules, url);
        if (refusal.isPresent()) {
            Kind kind = rules.failureKind() != null ? rules.failureKind() : Kind.ROBOTS_DISALLOWED;
            FetchException failure = FetchFailures.interceptorFailure(chain, kind, 0, refusal.get());
            if (rules.retryAfter() != null) {
                failure = new FetchException(kind, failure.url(), 429, rules.retryAfter(), failure.getMessage(), null);
            }
            throw failure;
        }
        return chain.proceed(chain.request());
    }
}
