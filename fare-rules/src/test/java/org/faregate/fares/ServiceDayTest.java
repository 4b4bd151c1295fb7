package org.faregate.fares;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceDayTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalTime FOUR_AM = LocalTime.of(4, 0);

    @ParameterizedTest(name = "{0} Shanghai time is service day {1}")
    @CsvSource({
        "2025-03-03T03:59:59.999999999, 2025-03-02",   // just before the cutover: previous day
        "2025-03-03T04:00:00,           2025-03-03",   // at the cutover: the new day
        "2025-03-03T04:00:00.000000001, 2025-03-03",
        "2025-03-03T02:30:00,           2025-03-02",   // night service
        "2025-03-03T00:00:00,           2025-03-02",   // calendar midnight is not the cutover
        "2025-03-02T23:59:59,           2025-03-02",
        "2025-03-03T23:59:59,           2025-03-03",
    })
    void tapsBeforeTheCutoverBelongToThePreviousServiceDay(String localTime, String serviceDay) {
        Instant at = LocalDateTime.parse(localTime).atZone(SHANGHAI).toInstant();

        assertThat(ServiceDay.of(at, SHANGHAI, FOUR_AM)).isEqualTo(LocalDate.parse(serviceDay));
    }

    @ParameterizedTest(name = "{0} UTC is London service day {1}")
    @CsvSource({
        "2025-03-30T02:59:59Z, 2025-03-29",   // 03:59:59 BST, the night clocks went forward
        "2025-03-30T03:00:00Z, 2025-03-30",   // 04:00:00 BST
        "2025-10-26T03:59:59Z, 2025-10-25",   // 03:59:59 GMT, the night clocks went back
        "2025-10-26T04:00:00Z, 2025-10-26",
    })
    void cutoverIsLocalWallClockTimeAcrossDaylightSavingChanges(String utc, String serviceDay) {
        assertThat(ServiceDay.of(Instant.parse(utc), ZoneId.of("Europe/London"), FOUR_AM))
                .isEqualTo(LocalDate.parse(serviceDay));
    }

    @Test
    void midnightCutoverMakesTheServiceDayTheCalendarDay() {
        Instant justAfterMidnight = LocalDateTime.parse("2025-03-03T00:00:00").atZone(SHANGHAI).toInstant();

        assertThat(ServiceDay.of(justAfterMidnight, SHANGHAI, LocalTime.MIDNIGHT)).isEqualTo(LocalDate.parse("2025-03-03"));
    }

    @Test
    void sameInstantCanBeDifferentServiceDaysInDifferentZones() {
        Instant at = Instant.parse("2025-03-02T21:00:00Z");   // 05:00 in Shanghai, 21:00 in London

        assertThat(ServiceDay.of(at, SHANGHAI, FOUR_AM)).isEqualTo(LocalDate.parse("2025-03-03"));
        assertThat(ServiceDay.of(at, ZoneId.of("Europe/London"), FOUR_AM)).isEqualTo(LocalDate.parse("2025-03-02"));
    }
}
