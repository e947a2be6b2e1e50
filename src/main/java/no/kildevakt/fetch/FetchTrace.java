package no.kildevakt.fetch;

import okhttp3.Call;
import okhttp3.HttpUrl;

/**
 * What the interceptors learn during one call that the caller needs afterwards: how many
 * requests went out and where the URL has moved permanently. It rides on the {@link Call} as a
 * tag, so one call — with all its redirects and retries — has exactly one trace and no state is
 * shared between calls. A call runs on one thread, so the fields need no locking.
 */
final class FetchTrace {
    private int requestsSent;
    private int requestsThisHop;
    private HttpUrl movedTo;

    /** The trace of {@code call}, created on first use. */
    static FetchTrace of(Call call) {
        return call.tag(FetchTrace.class, FetchTrace::new);
    }

    /** Called by the retry interceptor before each request of a new redirect hop is tried. */
    void startHop() {
        requestsThisHop = 0;
    }

    void countRequest() {
        requestsSent++;
        requestsThisHop++;
    }

    /** All requests of the call: every hop, every retry. */
    int requestsSent() {
        return requestsSent;
    }

    /** Requests for the current hop only: what "after 3 attempts" in a message means. */
    int requestsThisHop() {
        return requestsThisHop;
    }

    void movedTo(HttpUrl url) {
        movedTo = url;
    }

    /** The target of the last permanent redirect at the start of the chain, or null. */
    HttpUrl movedTo() {
        return movedTo;
    }
}
