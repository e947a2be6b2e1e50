/**
 * A small web layer on the JDK's {@code com.sun.net.httpserver}: a {@link no.kildevakt.review.http.Router}
 * with precise 404/405, requests with bounded bodies and strict UTF-8, and the security concerns as
 * composable {@link no.kildevakt.review.http.Filter}s (headers, Host check, access token, CSRF). It
 * knows nothing of kildevakt; the page is one editor's browser on loopback, which needs no framework.
 */
package no.kildevakt.review.http;
