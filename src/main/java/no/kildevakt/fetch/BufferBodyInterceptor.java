package no.kildevakt.fetch;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads a successful response's whole body before handing it out, for requests tagged
 * {@link BufferBody}. It sits inside the retry interceptor, so a timeout or a reset while the
 * body streams is retried like one before the headers; and the host is released as soon as
 * the body is in. Untagged requests (a link checker reading only the start of a page) stream
 * as usual.
 */
final class BufferBodyInterceptor implements Interceptor {

    /** Marks a request whose body the caller wants whole. */
    enum BufferBody { TAG }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (chain.request().tag(BufferBody.class) == null || !response.isSuccessful()) {
            return response;
        }
        try (ResponseBody body = response.body()) {
            byte[] bytes = body.bytes(); // capped by the body-limit interceptor further in
            return response.newBuilder().body(ResponseBody.create(bytes, body.contentType())).build();
        }
    }
}
