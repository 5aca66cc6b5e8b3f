package io.amlmonitor.generator.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {
  @Test
  void numbersRecordsByTheLineTheyStartOnAcrossQuotedLineBreaksAndBlankLines() {
    CsvRecordReader reader =
        new CsvRecordReader(new StringReader("\uFEFFa, b ,c\n1,\"two\nlines\",3\n\n4,5,6\n"));

    assertThat(reader.readHeader()).containsExactly("a", "b", "c");
    CsvRecord first = reader.next();
    CsvRecord second = reader.next();

    assertThat(first.line()).isEqualTo(2);
    assertThat(first.fields()).containsExactly("1", "two\nlines", "3");
    assertThat(second.line()).isEqualTo(5);
    assertThat(second.fields()).containsExactly("4", "5", "6");
    assertThat(reader.next()).isNull();
  }

  @Test
  void aRecordWithBrokenQuotingFailsOnlyWhenSplitNamingItsLine() {
    CsvRecordReader reader = new CsvRecordReader(new StringReader("a,b\nx\"y,1\n2,3\n"));
    reader.readHeader();

    CsvRecord broken = reader.next();

    assertThatThrownBy(broken::fields)
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("line 2: field 1 has a quote but is not quoted");
    assertThat(reader.next().fields()).isEqualTo(List.of("2", "3"));
  }

  @Test
  void anEmptyFileHasNoHeader() {
    assertThatThrownBy(() -> new CsvRecordReader(new StringReader("")).readHeader())
        .isInstanceOf(CsvFormatException.class)
        .hasMessageContaining("the file is empty");
  }
}
