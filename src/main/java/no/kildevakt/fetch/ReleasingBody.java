package no.kildevakt.fetch;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Source;

/**
 * A response body that runs a release action exactly once: when its stream is read to the end or
 * closed, whichever comes first. Interceptors that hold something for as long as a server is busy
 * with us (a host's turn in the crawler's pacing, a slot of the link checker's per-host limit) use
 * it, because a server streaming a body is still busy after the headers have arrived.
 */
public final class ReleasingBody {
    private ReleasingBody() {}

    /** {@code body}, with {@code release} run once when it has been read or closed. */
    public static ResponseBody wrap(ResponseBody body, Runnable release) {
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
