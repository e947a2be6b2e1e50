package no.kildevakt.config;

/**
 * A section of the newsletter ({@code verdt}, {@code norske}, {@code internasjonale},
 * {@code arrangementer}). Sources are filed under one; the digest and draft keep the
 * order in which sections are listed.
 *
 * @param events true for sections of coming events, whose items carry an event date
 */
public record Section(String id, String title, boolean events) {}
