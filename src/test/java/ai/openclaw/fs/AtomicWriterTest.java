package ai.openclaw.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriterTest {
    @TempDir
    Path dir;

    @Test
    void write_createsFileWithContentAndOwnerOnlyMode() throws IOException {
        Path target = dir.resolve("auth-profiles.json");

        AtomicWriter.write(target, "{\"version\":1}\n".getBytes(UTF_8));

        assertThat(target).hasContent("{\"version\":1}");
        assertThat(mode(target)).isEqualTo("rw-------");
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void write_replacesExistingContentAndTightensItsMode() throws IOException {
        Path target = dir.resolve("auth-state.json");
        Files.writeString(target, "old content that is longer than the new one");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));

        AtomicWriter.write(target, "new".getBytes(UTF_8));

        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(mode(target)).isEqualTo("rw-------");
    }

    @Test
    void write_createsMissingParentsWithMode0700AndLeavesExistingDirsAlone() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path target = dir.resolve("agents/main/agent/auth-profiles.json");

        AtomicWriter.write(target, "x".getBytes(UTF_8));

        assertThat(target).hasContent("x");
        assertThat(mode(dir.resolve("agents"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("agents/main"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("agents/main/agent"))).isEqualTo("rwx------");
        assertThat(mode(dir)).isEqualTo("rwxr-xr-x");
    }

    @Test
    void write_throughSymlinkReplacesLinkTargetAndKeepsLink() throws IOException {
        Path realDir = Files.createDirectory(dir.resolve("real"));
        Path real = realDir.resolve("auth.json");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("auth.json"), real);

        AtomicWriter.write(link, "new".getBytes(UTF_8));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(real);
        assertThat(real).hasContent("new");
        assertThat(mode(real)).isEqualTo("rw-------");
        assertThat(tempFilesIn(dir)).isEmpty();
        assertThat(tempFilesIn(realDir)).isEmpty();
    }

    @Test
    void write_throughRelativeDanglingSymlinkCreatesTheTarget() throws IOException {
        Files.createDirectory(dir.resolve("store"));
        Path link = Files.createSymbolicLink(dir.resolve("auth.json"), Path.of("store/auth.json"));

        AtomicWriter.write(link, "created".getBytes(UTF_8));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(dir.resolve("store/auth.json")).hasContent("created");
    }

    @Test
    void write_intoImmutableDirectoryFailsNamingTheTargetAndKeepsOldContent() throws Exception {
        Path target = dir.resolve("auth-profiles.json");
        Files.writeString(target, "old");
        OsProcesses.setImmutable(dir, true);
        try {
            assertThatThrownBy(() -> AtomicWriter.write(target, "new-secret-value".getBytes(UTF_8)))
                    .isInstanceOf(FileWriteException.class)
                    .hasMessageContaining(target.toString())
                    .hasMessageContaining("Operation not permitted")
                    .hasMessageNotContaining("new-secret-value")
                    .satisfies(e -> assertThat(((FileWriteException) e).path()).isEqualTo(target));
        } finally {
            OsProcesses.setImmutable(dir, false);
        }
        assertThat(target).hasContent("old");
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void write_whenRenameFailsRemovesTempFileAndKeepsOldContent() throws Exception {
        Path target = dir.resolve("auth-profiles.json");
        Files.writeString(target, "old");
        // The directory stays writable (the temp file gets created); only replacing the target fails.
        OsProcesses.setImmutable(target, true);
        try {
            assertThatThrownBy(() -> AtomicWriter.write(target, "new".getBytes(UTF_8)))
                    .isInstanceOf(FileWriteException.class)
                    .hasMessageStartingWith("Could not write " + target + ": ");
        } finally {
            OsProcesses.setImmutable(target, false);
        }
        assertThat(target).hasContent("old");
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void write_whenParentPathIsAFileFailsNamingTheTarget() throws IOException {
        Files.writeString(dir.resolve("not-a-dir"), "x");
        Path target = dir.resolve("not-a-dir/auth.json");

        assertThatThrownBy(() -> AtomicWriter.write(target, "x".getBytes(UTF_8)))
                .isInstanceOf(FileWriteException.class)
                .hasMessageContaining(target.toString());
    }

    @Test
    void deleteIfExists_reportsWhetherAFileWasDeleted() throws IOException {
        Path target = dir.resolve("auth-state.json");
        Files.writeString(target, "{}");

        assertThat(AtomicWriter.deleteIfExists(target)).isTrue();
        assertThat(target).doesNotExist();
        assertThat(AtomicWriter.deleteIfExists(target)).isFalse();
    }

    @Test
    void deleteIfExists_inImmutableDirectoryFailsNamingThePath() throws Exception {
        Path target = dir.resolve("auth-state.json");
        Files.writeString(target, "{}");
        OsProcesses.setImmutable(dir, true);
        try {
            assertThatThrownBy(() -> AtomicWriter.deleteIfExists(target))
                    .isInstanceOf(FileWriteException.class)
                    .hasMessageStartingWith("Could not delete " + target + ": ");
        } finally {
            OsProcesses.setImmutable(dir, false);
        }
        assertThat(target).exists();
    }

    @Test
    void copyPrivate_copiesBytesWithOwnerOnlyModeWhateverTheSourceMode() throws IOException {
        Path from = dir.resolve("auth-profiles.json");
        byte[] content = {0, 1, 2, (byte) 0xff, '\n'};
        Files.write(from, content);
        Files.setPosixFilePermissions(from, PosixFilePermissions.fromString("rw-r--r--"));
        Path to = dir.resolve("backup/auth-profiles.json.bak");

        AtomicWriter.copyPrivate(from, to);

        assertThat(Files.readAllBytes(to)).isEqualTo(content);
        assertThat(mode(to)).isEqualTo("rw-------");
        assertThat(mode(from)).isEqualTo("rw-r--r--");
    }

    @Test
    void copyPrivate_fromMissingFileFailsNamingTheSource() {
        Path from = dir.resolve("missing.json");

        assertThatThrownBy(() -> AtomicWriter.copyPrivate(from, dir.resolve("copy.json")))
                .isInstanceOf(FileWriteException.class)
                .hasMessageContaining(from.toString())
                .hasMessageContaining("no such file");
        assertThat(dir.resolve("copy.json")).doesNotExist();
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private java.util.List<Path> tempFiles() throws IOException {
        return tempFilesIn(dir);
    }

    private static java.util.List<Path> tempFilesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
