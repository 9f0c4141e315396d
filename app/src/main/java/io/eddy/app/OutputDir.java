package io.eddy.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An output directory written all or nothing: files go to a hidden staging directory beside
 * the target, and only {@link #commit()} moves them in. After a failure {@link #close()}
 * deletes the staging directory, so the target holds either the previous run's files or the
 * complete new set, never a half-written one.
 *
 * <p>Each file is moved with an atomic rename (same file system, since the staging directory
 * is a sibling). A target that does not exist yet is created by renaming the whole staging
 * directory. Not thread-safe.
 */
final class OutputDir implements AutoCloseable {

  private final Path target;
  private final Path staging;
  private boolean committed;

  OutputDir(Path target) throws IOException {
    this.target = target.toAbsolutePath().normalize();
    if (Files.exists(this.target) && !Files.isDirectory(this.target)) {
      throw AppException.usage("--out " + target + " is a file, expected a directory");
    }
    Path parent = this.target.getParent();
    Files.createDirectories(parent);
    this.staging = Files.createTempDirectory(parent, "." + this.target.getFileName() + ".partial-");
  }

  /** Where to write a file that will end up as {@code target/name}. */
  Path file(String name) {
    return staging.resolve(name);
  }

  /** The directory the files will end up in. */
  Path target() {
    return target;
  }

  /** Moves every staged file into the target. */
  void commit() throws IOException {
    if (!Files.exists(target)) {
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        return;
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        // Created meanwhile, or another file system: move file by file below.
      }
    }
    Files.createDirectories(target);
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(staging)) {
      s.forEach(files::add);
    }
    for (Path f : files) {
      Files.move(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    }
    Files.delete(staging);
    committed = true;
  }

  @Override
  public void close() {
    if (committed || !Files.exists(staging)) {
      return;
    }
    try (Stream<Path> s = Files.walk(staging)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // Best effort: the staging directory is hidden and never mistaken for output.
    }
  }
}
