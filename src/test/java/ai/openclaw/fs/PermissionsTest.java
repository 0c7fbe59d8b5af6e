package ai.openclaw.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PermissionsTest {
    @TempDir
    Path dir;

    @Test
    void ensurePrivateDir_createsOnlyMissingDirsWithMode0700() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));

        Permissions.ensurePrivateDir(dir.resolve("a/b"));

        assertThat(mode(dir.resolve("a"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("a/b"))).isEqualTo("rwx------");
        assertThat(mode(dir)).isEqualTo("rwxr-x---");
    }

    @Test
    void ensurePrivateDir_onExistingDirKeepsItsMode() throws IOException {
        Path existing = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-xr-x"));

        Permissions.ensurePrivateDir(existing);

        assertThat(mode(existing)).isEqualTo("rwxr-xr-x");
    }

    @Test
    void ensurePrivateDir_whereAFileIsInTheWayFailsNamingTheDir() throws IOException {
        Path file = Files.writeString(dir.resolve("agent"), "x");

        assertThatThrownBy(() -> Permissions.ensurePrivateDir(file))
                .isInstanceOf(FileWriteException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void isPrivateFile_rejectsGroupOrOtherBitsAndNonFiles() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(Permissions.isPrivateFile(file)).isTrue();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(Permissions.isPrivateFile(file)).isFalse();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw------x"));
        assertThat(Permissions.isPrivateFile(file)).isFalse();
        assertThat(Permissions.isPrivateFile(dir.resolve("missing"))).isFalse();
        assertThat(Permissions.isPrivateFile(dir)).isFalse();
    }

    @Test
    void isPrivateDir_rejectsGroupOrOtherBitsAndNonDirs() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("d"));

        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwx------"));
        assertThat(Permissions.isPrivateDir(sub)).isTrue();
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Permissions.isPrivateDir(sub)).isFalse();
        assertThat(Permissions.isPrivateDir(Files.writeString(dir.resolve("f"), "x"))).isFalse();
    }

    @Test
    void restrict_setsOwnerOnlyModeForFilesAndDirs() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path sub = Files.createDirectory(dir.resolve("d"));
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxrwxrwx"));

        Permissions.restrict(file);
        Permissions.restrict(sub);

        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(sub)).isEqualTo("rwx------");
        assertThat(Permissions.isPrivateFile(file)).isTrue();
        assertThat(Permissions.isPrivateDir(sub)).isTrue();
    }

    @Test
    void restrict_onMissingFileFailsNamingIt() {
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> Permissions.restrict(missing))
                .isInstanceOf(FileWriteException.class)
                .hasMessageContaining(missing.toString());
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
