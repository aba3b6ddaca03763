package io.osmigrate.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Reads the small UTF-8 files the host is handed (job files, specs) without trusting them: the file's
 * type is checked before it is opened, without following a symbolic link, so a FIFO or a device is never
 * opened (opening a FIFO blocks until someone writes to it); at most the size limit is read, however
 * large the file claims or grows to be. A refusal says which rule the file broke, never what it holds.
 * Stateless.
 */
final class SmallTextFile {

    /** A file that may not be read, and why ("is a folder, not a regular file"): to follow its name. */
    static final class Refused extends Exception {

        private static final long serialVersionUID = 1L;

        Refused(String rule) {
            super(rule, null, false, false);
        }
    }

    private SmallTextFile() {
    }

    /** What the entry is when it is not a regular file ("a folder", "a symbolic link", …); empty for a regular file. */
    static Optional<String> notRegular(Path entry) throws IOException {
        BasicFileAttributes a = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isRegularFile()) {
            return Optional.empty();
        }
        if (a.isSymbolicLink()) {
            return Optional.of("a symbolic link");
        }
        return Optional.of(a.isDirectory() ? "a folder" : "a special file (a FIFO, socket or device)");
    }

    /**
     * The text of a regular file of at most {@code maxBytes} bytes, read as UTF-8.
     *
     * @throws Refused     the entry is not a regular file (a link is not followed), is larger, or is not UTF-8
     * @throws IOException it cannot be read
     */
    static String read(Path file, int maxBytes) throws Refused, IOException {
        Optional<String> kind = notRegular(file);
        if (kind.isPresent()) {
            throw new Refused("is " + kind.get() + ", not a regular file");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] bytes;
        // NOFOLLOW_LINKS: had the file been swapped for a link since the check, opening it fails
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
             InputStream in = Channels.newInputStream(channel)) {
            bytes = in.readNBytes(maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused("is not UTF-8 text");
        }
    }

    /** Why a file could not be read, in words that name no content: the reason the system gave, or the error's kind. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getClass().getSimpleName();
    }

    private static Refused tooLarge(int maxBytes) {
        return new Refused("is larger than the limit of " + maxBytes + " bytes");
    }
}
