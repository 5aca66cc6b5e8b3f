package io.amlmonitor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void theFiveCharactersWithAMeaningInHtmlBecomeEntities() {
    assertThat(Html.escape("<a href=\"x\" title='y'>Tom & Jerry</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
  }

  @Test
  void otherTextIsLeftAsItIsAndNullIsEmpty() {
    assertThat(Html.escape("São Paulo — 10.000,00 ≥ 30 d"))
        .isEqualTo("São Paulo — 10.000,00 ≥ 30 d");
    assertThat(Html.escape(null)).isEmpty();
  }
}
