package no.kildevakt.date;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One way of writing a date ("17. desember 2024", "13.3.2024", "June 6, 2023", ISO …). Each form
 * finds its first valid occurrence in a text; {@link DateText} takes the earliest over all forms,
 * so adding a form never changes how the others read.
 */
interface DateForm {
    /**
     * The first valid date of this form in {@code text}, skipping matches that are no real date
     * (31.02., a version number).
     *
     * @param reference the day around which year-less and two-digit-year dates are resolved
     */
    Optional<Found> first(String text, LocalDate reference);
}
