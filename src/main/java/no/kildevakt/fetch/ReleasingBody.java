package no.kildevakt.fetch;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Source;

/**
 * A response body that runs a release action exactly once: when its stream is read to the end or
 * closed, whichever comes first. {@link HostLimitInterceptor} holds a host's slot for as long as the
 * server is busy with us, and a server streaming a body is still busy after the headers have arrived.
 */
final class ReleasingBody {
    private ReleasingBody() {}

    /** {@code body}, with {@code release} run once when it has been read or closed. */
    static ResponseBody wrap(ResponseBody body, Runnable release) {
        AtomicBoolean released = new AtomicBoolean();
        Runnable once = () -> {
            if (released.compareAndSet(false, true)) {
                release.run();
            }
        };
        return new SourceWrappingBody(body, source -> new ReleasingSource(source, once));
    }

    private static final class ReleasingSource extends ForwardingSource {
        private final Runnable onDone;

        ReleasingSource(Source delegate, Runnable onDone) {
            super(delegate);
            this.onDone = onDone;
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            long read = super.read(sink, byteCount);
            if (read == -1) {
                onDone.run();
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                onDone.run();
            }
        }
    }
}
