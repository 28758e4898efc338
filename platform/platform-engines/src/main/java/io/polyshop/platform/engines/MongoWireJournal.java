package io.polyshop.platform.engines;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.bson.RawBsonDocument;

/**
 * The MongoDB-wire engine's write-ahead journal: every change a command makes to a document is
 * appended as the document's whole new state (or its removal), and the command is acknowledged
 * only after the journal is on disk. Entries carry a length and a checksum, so a record torn by a
 * kill is recognised and ignored. Replaying an entry twice gives the same state, which lets a
 * snapshot be taken while writes go on.
 *
 * <p>Record: 4 bytes length, 4 bytes CRC32C of the body, the body as BSON:
 * {@code {o: "put", d, c, doc}}, {@code {o: "del", d, c, id}} or {@code {o: "cmd", d, cmd}}.
 */
final class MongoWireJournal implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MongoWireJournal.class.getName());

    private final Path directory;
    private final Object forcing = new Object();
    private FileChannel channel;
    private long number;
    /** Bytes appended since this journal was opened, over all its files; guarded by this. */
    private long appended;
    /** How many of them are known to be on disk; guarded by this. */
    private long durable;

    MongoWireJournal(Path directory, long number) {
        this.directory = directory;
        open(number);
    }

    static Path file(Path directory, long number) {
        return directory.resolve(String.format("journal-%012d.log", number));
    }

    synchronized void put(String database, String collection, Document document) {
        append(new Document("o", "put")
                .append("d", database)
                .append("c", collection)
                .append("doc", document));
    }

    synchronized void delete(String database, String collection, Object id) {
        append(new Document("o", "del")
                .append("d", database)
                .append("c", collection)
                .append("id", id));
    }

    synchronized void command(String database, Document command) {
        append(new Document("o", "cmd").append("d", database).append("cmd", command));
    }

    /** Starts a new journal file; what was appended before stays, on disk, in the old one. */
    synchronized long rotate() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the MongoDB-wire journal to disk", e);
        }
        durable = appended;
        closeChannel();
        open(number + 1);
        return number;
    }

    /**
     * Returns once everything appended so far is on disk. Callers that arrive while a force runs
     * wait for it and are usually covered by it (group commit); appending goes on meanwhile.
     */
    void forceAll() {
        synchronized (forcing) {
            FileChannel current;
            long target;
            synchronized (this) {
                if (durable >= appended) {
                    return;
                }
                current = channel;
                target = appended;
            }
            try {
                current.force(false);
            } catch (ClosedChannelException rotated) {
                // rotate() forced that file before it closed it.
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the MongoDB-wire journal to disk", e);
            }
            synchronized (this) {
                durable = Math.max(durable, target);
            }
        }
    }

    synchronized boolean hasUnforced() {
        return durable < appended;
    }

    synchronized long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            return 0;
        }
    }

    private void append(Document entry) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(entry, buffer);
            byte[] body = new byte[buffer.readableBytes()];
            buffer.readBytes(body);
            CRC32C crc = new CRC32C();
            crc.update(body);
            ByteBuffer record = ByteBuffer.allocate(8 + body.length);
            record.putInt(body.length).putInt((int) crc.getValue()).put(body).flip();
            while (record.hasRemaining()) {
                channel.write(record);
            }
            appended += 8 + body.length;
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to the MongoDB-wire journal", e);
        } finally {
            buffer.release();
        }
    }

    private void open(long journalNumber) {
        try {
            Path path = file(directory, journalNumber);
            channel = FileChannel.open(
                    path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            MongoWireSnapshots.forceDirectory(directory);
            number = journalNumber;
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the MongoDB-wire journal in " + directory, e);
        }
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing a MongoDB-wire journal failed", e);
        }
    }

    @Override
    public void close() {
        forceAll();
        synchronized (this) {
            closeChannel();
        }
    }

    /**
     * Reads every whole entry of a journal file, in order. A record that is cut short or whose
     * checksum does not match ends the file: it is the write a kill interrupted, never acknowledged.
     */
    static void read(Path file, Consumer<RawBsonDocument> entry) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer journal = ByteBuffer.wrap(bytes);
        List<RawBsonDocument> entries = new ArrayList<>();
        while (journal.remaining() >= 8) {
            int length = journal.getInt();
            int checksum = journal.getInt();
            if (length <= 0 || length > journal.remaining()) {
                LOG.log(System.Logger.Level.INFO, "{0} ends in a write that was never acknowledged", file);
                break;
            }
            byte[] body = new byte[length];
            journal.get(body);
            CRC32C crc = new CRC32C();
            crc.update(body);
            if ((int) crc.getValue() != checksum) {
                LOG.log(System.Logger.Level.INFO, "{0} ends in a write that was never acknowledged", file);
                break;
            }
            entries.add(new RawBsonDocument(body));
        }
        entries.forEach(entry);
    }
}
