package no.kildevakt.review.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps method and path to a handler. Patterns are literal segments and {@code {name}} parameters
 * that match one segment ({@code /api/items/{id}/decision}). A path no route matches is a 404; a path
 * some route matches with another method is a 405 with {@code Allow}. HEAD is answered wherever GET
 * is (the server sends no body).
 */
public final class Router implements Handler {
    private record Route(String method, Pattern pattern, List<String> names, Handler handler) {}

    private static final Pattern PARAM = Pattern.compile("\\{([a-z][a-zA-Z0-9]*)}");

    private final List<Route> routes = new ArrayList<>();

    public Router get(String pattern, Handler handler) {
        return add("GET", pattern, handler);
    }

    public Router post(String pattern, Handler handler) {
        return add("POST", pattern, handler);
    }

    /** Adds a route; routes are tried in the order added. */
    public Router add(String method, String pattern, Handler handler) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a route starts with /: " + pattern);
        }
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAM.matcher(pattern);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(pattern.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(pattern.substring(last)));
        routes.add(new Route(method, Pattern.compile(regex.toString()), names, handler));
        return this;
    }

    @Override
    public Response handle(Request request) throws Exception {
        String method = request.method().equals("HEAD") ? "GET" : request.method();
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(request.path());
            if (!m.matches()) {
                continue;
            }
            if (!route.method().equals(method)) {
                allowed.add(route.method());
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < route.names().size(); i++) {
                params.put(route.names().get(i), m.group(i + 1));
            }
            return route.handler().handle(request.withPathParams(params));
        }
        if (!allowed.isEmpty()) {
            if (allowed.contains("GET")) {
                allowed.add("HEAD");
            }
            throw HttpError.methodNotAllowed(request.method(), String.join(", ", allowed));
        }
        throw HttpError.notFound("nothing at " + request.path());
    }
}
