package no.kildevakt.fetch;

import java.util.function.UnaryOperator;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;

/**
 * A response body whose byte stream passes through a wrapper (a cap, a release hook), with
 * type and length left as they were. Interceptors that watch a body as it is read use it
 * instead of each re-implementing {@link ResponseBody}.
 */
final class SourceWrappingBody extends ResponseBody {
    private final ResponseBody delegate;
    private final UnaryOperator<Source> wrapper;
    private BufferedSource source;

    SourceWrappingBody(ResponseBody delegate, UnaryOperator<Source> wrapper) {
        this.delegate = delegate;
        this.wrapper = wrapper;
    }

    @Override
    public MediaType contentType() {
        return delegate.contentType();
    }

    @Override
    public long contentLength() {
        return delegate.contentLength();
    }

    @Override
    public synchronized BufferedSource source() {
        if (source == null) {
            source = Okio.buffer(wrapper.apply(delegate.source()));
        }
        return source;
    }
}
