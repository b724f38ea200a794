package org.jamesguard.core.auth.from;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.mail.internet.MimeUtility;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link EncodedWords} against the decoders James ships, mime4j's {@link DecoderUtil} and javax.mail's
 * {@link MimeUtility}: on well-formed words all three read the same text. Where the libraries recover (an
 * unknown charset, bytes invalid in theirs, a broken word), they differ on purpose: a reader may show
 * something else than another, so the From check refuses instead of guessing what a client shows.
 */
class EncodedWordsCrossCheckTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "John Doe",
        "=?UTF-8?B?Sm9obiBEb2U=?=",
        "=?ISO-8859-1?Q?Andr=E9?= Pirard",
        "=?utf-8?q?CEO_=E2=80=94_Boss?=",
        "=?UTF-8?Q?a?= =?UTF-8?Q?b?=",
        "Support =?UTF-8?B?0J/QvtC00LTQtdGA0LbQutCw?= Team",
        "=?windows-1252?Q?=93quoted=94?="})
    void wellFormedWordsReadAsTheLibrariesReadThem(String text) throws Exception {
        String ours = EncodedWords.decode(text);

        assertThat(ours).isEqualTo(DecoderUtil.decodeEncodedWords(text, DecodeMonitor.SILENT));
        assertThat(ours).isEqualTo(MimeUtility.decodeText(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "=?x-unknown?Q?boss?=",
        "=?UTF-8?B?/w==?=",
        "=?UTF-8?Q?=FF?=",
        "=?UTF-8?Q?boss",
        "=?UTF-8?Q?bo=Gss?="})
    void whereTheLibrariesRecoverTheCheckRefuses(String text) {
        assertThat(DecoderUtil.decodeEncodedWords(text, DecodeMonitor.SILENT)).isNotNull();

        assertThatThrownBy(() -> EncodedWords.decode(text)).isInstanceOf(Refusal.class);
    }
}
