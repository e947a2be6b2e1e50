package no.kildevakt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {

    @ParameterizedTest
    @CsvSource({
        "0,       0",
        "1048576, 1048576",
        "100B,    100",
        "500KB,   512000",
        "10MB,    10485760",
        "10mb,    10485760",
        "10MiB,   10485760",
        "1GB,     1073741824",
        "8GB,     8589934592",
    })
    void parses1024Based(String text, long expected) {
        assertEquals(expected, Sizes.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10 MB   | '\"10 MB\" is not a size; write bytes or a whole number with a unit: B, KB, MB or GB (1024-based), e.g. 500KB, 10MB'",
        "1.5MB   | '\"1.5MB\" is not a size; write bytes or a whole number with a unit: B, KB, MB or GB (1024-based), e.g. 500KB, 10MB'",
        "10TB    | '\"10TB\" is not a size; write bytes or a whole number with a unit: B, KB, MB or GB (1024-based), e.g. 500KB, 10MB'",
        "-1KB    | '\"-1KB\" is negative; write bytes or a whole number with a unit: B, KB, MB or GB (1024-based), e.g. 500KB, 10MB'",
        "''      | 'empty size; write bytes or a whole number with a unit: B, KB, MB or GB (1024-based), e.g. 500KB, 10MB'",
        "99999999999GB | '\"99999999999GB\" is too large for a size'",
    })
    void refusesWithAMessage(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Sizes.parse(text)).getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "10485760, 10MB",
        "512000,   500KB",
        "1073741824, 1GB",
        "1000,     1000B",
        "0,        0B",
    })
    void formats(long bytes, String expected) {
        assertEquals(expected, Sizes.format(bytes));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 1000, 1024, 512000, 10485760, 1073741824, 1536})
    void formatReadsBack(long bytes) {
        assertEquals(bytes, Sizes.parse(Sizes.format(bytes)));
    }
}
