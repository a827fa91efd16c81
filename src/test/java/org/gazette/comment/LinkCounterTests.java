package org.gazette.comment;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LinkCounter}.
 */
class LinkCounterTests {

    @Test
    void countsNoLinksInPlainText() {
        assertThat(LinkCounter.count("No links here, not even example.com.")).isZero();
    }

    @Test
    void countsEmptyTextAsNoLinks() {
        assertThat(LinkCounter.count("")).isZero();
    }

    @Test
    void countsUrlsInText() {
        assertThat(LinkCounter.count("See https://a.example and http://b.example/page.")).isEqualTo(2);
    }

    @Test
    void countsWwwAddresses() {
        assertThat(LinkCounter.count("Visit www.example.com!")).isOne();
    }

    @Test
    void countsCommenterLinks() {
        assertThat(LinkCounter.count("<a href=\"https://a.example\">one</a> and <a href='https://b.example'>two</a>"))
            .isEqualTo(2);
    }

    @Test
    void countsCommenterLinkShowingItsOwnUrlOnce() {
        assertThat(LinkCounter.count("<a href=\"https://a.example\">https://a.example</a>")).isOne();
    }

    @Test
    void countsRepeatedUrlEachTime() {
        assertThat(LinkCounter.count("https://a.example\nhttps://a.example\n\nhttps://a.example")).isEqualTo(3);
    }

    @Test
    void countsCommenterLinkSplitByMisnestedTagsOnce() {
        assertThat(LinkCounter.count("<b><a href=\"https://a.example\">x</b>y</a>")).isOne();
    }

    @Test
    void countsLinksInsideOtherMarkup() {
        assertThat(LinkCounter.count("<b>https://a.example</b> <blockquote>www.b.example</blockquote>"))
            .isEqualTo(2);
    }

    @Test
    void countsUrlsInMarkupShownAsText() {
        assertThat(LinkCounter.count("<a href=https://a.example>x</a> <img src=\"https://b.example/i.png\">"))
            .isEqualTo(2);
    }

    @Test
    void doesNotCountCommenterLinksWithoutHttpHref() {
        assertThat(LinkCounter.count("<a href=\"javascript:alert(1)\">x</a> <a href=\"/local\">y</a> <a>z</a>"))
            .isZero();
    }

    @Test
    void doesNotCountUrlsInsideCode() {
        assertThat(LinkCounter.count("<code>curl https://a.example</code>")).isZero();
    }

    @Test
    void doesNotCountEmptyCommenterLink() {
        assertThat(LinkCounter.count("<a href=\"https://a.example\"></a>")).isZero();
    }

    @Test
    void countsAsManyLinksAsTheRendererShows() {
        String text = "<a href=\"https://a.example\">a</a> https://b.example <code>https://c.example</code>\n\n"
                + "www.d.example, <a href=\"ftp://e.example\">e</a> <blockquote><i>https://f.example</i>";

        int shown = Jsoup.parseBodyFragment(new CommentRenderer().toHtml(text)).select("a[href]").size();

        assertThat(LinkCounter.count(text)).isEqualTo(4).isEqualTo(shown);
    }

}
