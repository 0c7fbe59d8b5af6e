package ai.openclaw.providers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalHostsTest {
    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:11434/v1, true",
            "http://127.5.6.7/v1, true",
            "http://localhost:8000/v1, true",
            "http://LOCALHOST/v1, true",
            "http://model.localhost/v1, true",
            "http://[::1]:8000/v1, true",
            "http://10.0.0.5/v1, true",
            "http://172.16.0.1/v1, true",
            "http://172.31.255.255/v1, true",
            "http://172.32.0.1/v1, false",
            "http://192.168.1.20:1234/v1, true",
            "http://169.254.1.1/v1, true",
            "http://[fd12:3456::1]/v1, true",
            "http://[fe80::1]/v1, true",
            "http://[2001:db8::1]/v1, false",
            "http://[::ffff:192.168.0.1]/v1, true",
            "http://0.0.0.0:8000/v1, true",
            "https://api.openai.com/v1, false",
            "https://8.8.8.8/v1, false",
            "http://10.0.0.256/v1, false",
            "http://localhost.example.com/v1, false",
            "not a url, false",
    })
    void classifies(String url, boolean expected) {
        assertThat(LocalHosts.isLocalOrPrivate(url)).isEqualTo(expected);
    }
}
