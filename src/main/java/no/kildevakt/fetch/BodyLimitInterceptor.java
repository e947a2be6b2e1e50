package no.kildevakt.fetch;

import java.io.IOException;
import no.kildevakt.fetch.FetchException.Kind;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Source;

/**
 * Caps a response body at {@code settings.max_body}, counted <em>after</em> OkHttp's transparent
 * gzip decompression, so neither a huge page nor a gzip bomb (a few KB that inflate to gigabytes)
 * can exhaust memory. A declared Content-Length above the cap fails before anything is read; an
 * undeclared or compressed one fails with {@link Kind#TOO_LARGE} as soon as one byte more than
 * the cap has been inflated, so at most the cap plus one read buffer is ever held.
 *
 * <p>An application interceptor, because only there is the body already decompressed.
 */
final class BodyLimitInterceptor implements Interceptor {
    private final long maxBody;

    BodyLimitInterceptor(long maxBody) {
        this.maxBody = maxBody;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (maxBody <= 0 || chain.request().method().equals("HEAD")) {
            return response; // HEAD: Content-Length describes a body that is never sent
        }
        ResponseBody body = response.body();
        long declared = body.contentLength();
        if (declared > maxBody) {
            response.close();
            throw FetchFailures.interceptorFailure(chain, Kind.TOO_LARGE, response.code(),
                    "Content-Length " + declared + " exceeds the " + FetchFailures.size(maxBody) + " limit");
        }
        String what = chain.request().url().toString();
        Overflow overflow = () -> FetchFailures.interceptorFailure(chain, Kind.TOO_LARGE, response.code(),
                "body exceeds the " + FetchFailures.size(maxBody) + " limit"
                        + (what.equals(chain.call().request().url().toString()) ? "" : " at " + what));
        return response.newBuilder().body(new SourceWrappingBody(body, source -> new CappingSource(source, maxBody, overflow))).build();
    }

    /** Makes the exception lazily, only when the cap is hit. */
    private interface Overflow {
        FetchException exception();
    }

    /** Counts inflated bytes and throws as soon as one more than the cap has been read. */
    private static final class CappingSource extends ForwardingSource {
        private final long cap;
        private final Overflow overflow;
        private long total;

        CappingSource(Source delegate, long cap, Overflow overflow) {
            super(delegate);
            this.cap = cap;
            this.overflow = overflow;
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            // never ask for more than one byte past the cap, so overflow is seen at once
            long room = cap - total; // >= 0: we throw as soon as total passes cap
            long read = super.read(sink, byteCount <= room ? byteCount : room + 1);
            if (read > 0) {
                total += read;
                if (total > cap) {
                    throw overflow.exception();
                }
            }
            return read;
        }
    }
}
