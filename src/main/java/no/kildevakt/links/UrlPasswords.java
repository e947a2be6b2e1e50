package no.kildevakt.links;

import java.util.regex.Pattern;

/**
 * Hides the password of every URL in a text ({@code https://user:secret@host/} becomes
 * {@code https://user:***@host/}). An issue published behind basic authentication is named by such a
 * URL, and reports and warnings are mailed and pasted: the password must not travel with them.
 */
public final class UrlPasswords {
    /** The password part of the user info of an absolute URL anywhere in a text. */
    private static final Pattern PASSWORD =
            Pattern.compile("(?i)\\b((?:https?|ftps?|wss?)://[^\\s/?#@:]*):[^\\s/?#@]*@");

    private UrlPasswords() {}

    /** {@code text} with the password of every URL in it replaced by {@code ***}; null stays null. */
    public static String hide(String text) {
        return text == null || text.indexOf('@') < 0 ? text : PASSWORD.matcher(text).replaceAll("$1:***@");
    }
}
