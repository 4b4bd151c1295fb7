package org.faregate.fares.gtfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {

    @Test
    void readsQuotedFieldsWithCommasDoubledQuotesAndLineBreaks() throws Exception {
        List<CsvParser.Record> records = CsvParser.parse("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\nlast,\"\"");

        assertThat(records).extracting(CsvParser.Record::fields).containsExactly(
                List.of("a", "b"), List.of("x, y", "say \"hi\""), List.of("two\nlines", "z"), List.of("last", ""));
        assertThat(records).extracting(CsvParser.Record::line).containsExactly(1, 2, 3, 5);
    }

    @Test
    void dropsAByteOrderMarkAndSkipsBlankLines() throws Exception {
        List<CsvParser.Record> records = CsvParser.parse("\uFEFFid,name\n\n1,one\n");

        assertThat(records).extracting(CsvParser.Record::fields).containsExactly(List.of("id", "name"), List.of("1", "one"));
        assertThat(records.get(1).line()).isEqualTo(3);
    }

    @Test
    void keepsTrailingEmptyFields() throws Exception {
        assertThat(CsvParser.parse("a,b,c\n1,,\n").get(1).fields()).containsExactly("1", "", "");
    }

    @Test
    void anUnclosedQuoteNamesTheLineItStartsOn() {
        assertThatThrownBy(() -> CsvParser.parse("a\nok\n\"open\nmore\n"))
                .isInstanceOfSatisfying(CsvParser.CsvSyntaxException.class, e -> assertThat(e.line).isEqualTo(3));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsAnError() {
        assertThatThrownBy(() -> CsvParser.parse("a\nab\"c\n")).isInstanceOf(CsvParser.CsvSyntaxException.class);
    }
}
