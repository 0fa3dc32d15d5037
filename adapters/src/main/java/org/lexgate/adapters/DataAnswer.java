package org.lexgate.adapters;

import java.util.Arrays;
import java.util.Objects;

/**
 * The data disclosed for an LDTask. The node embeds it in an ETSI Delivery ({@code XMLData} or
 * base64 {@code BinaryData}, see {@link DataFormat}), computes its SHA-256 checksum itself, and
 * signs the result. The content is taken to be complete and final (one Delivery, {@code LastSequence} true).
 *
 * @param task      the LDTask answered
 * @param content   the data, exactly as it is to reach the requester
 * @param mediaType its media type, e.g. {@code application/pdf} (ETSI {@code ContentType}, at most 255 characters)
 * @param format    how the node embeds it
 */
public record DataAnswer(ObjectIdentifier task, byte[] content, String mediaType, DataFormat format)
        implements ProviderAnswer {

    /** The most characters a media type may have: ETSI's {@code ShortString}. */
    public static final int MAX_MEDIA_TYPE_LENGTH = 255;

    public DataAnswer {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(format, "format");
        if (mediaType.isBlank() || mediaType.length() > MAX_MEDIA_TYPE_LENGTH) {
            throw new IllegalArgumentException("mediaType must have 1 to " + MAX_MEDIA_TYPE_LENGTH + " characters");
        }
        content = content.clone();
    }

    /** A copy of the content. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The size of the content in bytes, without copying it. */
    public int contentLength() {
        return content.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataAnswer a && task.equals(a.task) && Arrays.equals(content, a.content)
                && mediaType.equals(a.mediaType) && format == a.format;
    }

    @Override
    public int hashCode() {
        return Objects.hash(task, Arrays.hashCode(content), mediaType, format);
    }

    @Override
    public String toString() {
        return "DataAnswer[task=" + task + ", " + content.length + " bytes, mediaType=" + mediaType
                + ", format=" + format + "]";
    }
}
