package dev.konnectplugins.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InOrderTest {
    private final List<Integer> items = IntStream.range(0, 40).boxed().toList();

    @Test
    void resultsComeInTheItemsOrderWhateverTheThreads() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Integer> results = InOrder.map(items, 4, "in-order-test", item -> {
            threads.add(Thread.currentThread().getName());
            sleep(40 - item); // the first items finish last
            return item * 2;
        });

        assertThat(results).isEqualTo(items.stream().map(item -> item * 2).toList());
        assertThat(threads).containsOnly("in-order-test");
        assertThat(InOrder.map(items, 1, "in-order-test", item -> item * 2)).isEqualTo(results);
    }

    @Test
    void theFirstFailureInTheItemsOrderIsRethrownAsItWas() {
        assertThatThrownBy(() -> InOrder.map(items, 4, "in-order-test", item -> {
            if (item == 7 || item == 30) {
                throw new IllegalArgumentException("item " + item);
            }
            return item;
        })).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("item 7");
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
