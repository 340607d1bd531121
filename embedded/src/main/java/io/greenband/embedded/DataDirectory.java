package io.greenband.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The stack's directory: {@code kafka/} for the broker, {@code mongo/} for the store, and a lock
 * file that keeps a second stack (in this or another process) off the same data. A temporary
 * directory is deleted on close.
 */
final class DataDirectory implements AutoCloseable {

    private static final String LOCK_FILE = "stack.lock";

    private final Path root;
    private final boolean temporary;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, boolean temporary, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.temporary = temporary;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates (if needed) and locks {@code requested}, or a fresh temporary directory when it is
     * empty.
     */
    static DataDirectory open(Optional<Path> requested) {
        Path root;
        try {
            root =
                    requested.isPresent()
                            ? Files.createDirectories(requested.get().toAbsolutePath())
                            : Files.createTempDirectory("greenband-stack-");
            Files.createDirectories(root.resolve("kafka"));
            Files.createDirectories(root.resolve("mongo"));
        } catch (IOException e) {
            throw EmbeddedStackException.dataDirectory(
                    "cannot create data directory "
                            + requested.orElse(null)
                            + ": "
                            + e
                            + "; choose a writable directory",
                    e);
        }
        FileChannel channel = null;
        try {
            channel =
                    FileChannel.open(
                            root.resolve(LOCK_FILE),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(root, null);
            }
            return new DataDirectory(root, requested.isEmpty(), channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(root, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw EmbeddedStackException.dataDirectory(
                    "cannot lock data directory " + root + ": " + e, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static EmbeddedStackException inUse(Path root, Throwable cause) {
        return EmbeddedStackException.dataDirectory(
                "data directory "
                        + root
                        + " is in use by another running"
                        + " stack: close that stack first, or give this one another directory",
                cause);
    }

    /** The directory itself. */
    Path root() {
        return root;
    }

    /** Kafka's part: its server.properties and log directory. */
    Path kafka() {
        return root.resolve("kafka");
    }

    /** The MVStore file of the MongoDB server. */
    Path mongoStore() {
        return root.resolve("mongo").resolve("greenband.mv");
    }

    /** Whether it was created for this stack only. */
    boolean temporary() {
        return temporary;
    }

    /** Releases the lock; deletes a temporary directory. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // The channel close below releases it as well.
        }
        closeQuietly(lockChannel);
        if (temporary) {
            deleteTree(root);
        }
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(
                    root,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                                throws IOException {
                            Files.deleteIfExists(file);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException e)
                                throws IOException {
                            Files.deleteIfExists(dir);
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            // A temp directory left behind is harmless; the system cleans its temp space.
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing to do: the lock is gone with the channel or the process.
            }
        }
    }
}
