package io.osmigrate.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PairBlockTest {

    private static PairBlock.Pair pair(Object source, Object destination) {
        return pair(source, destination, PairBlock.Kind.INSERTED);
    }

    private static PairBlock.Pair pair(Object source, Object destination, PairBlock.Kind kind) {
        return new PairBlock.Pair(source, destination, kind);
    }

    @Test
    void numericBlocksSortFindAndRoundTrip() {
        PairBlock block = PairBlock.of(List.of(pair(30L, 3L, PairBlock.Kind.LOOKUP), pair(10L, 1L), pair(20L, 2L, PairBlock.Kind.MATCHED),
                pair(10L, 99L)));
        assertThat(block.size()).isEqualTo(3); // a source id given twice keeps its first pair
        assertThat(block.find(10L)).isEqualTo(1L);
        assertThat(block.find(30L)).isEqualTo(3L);
        assertThat(block.find(15L)).isNull();
        assertThat(block.find("10")).isNull(); // a text id never matches a numeric one
        assertThat(block.minSource()).isEqualTo(10L);
        assertThat(block.maxSource()).isEqualTo(30L);
        assertThat(block.destinationIds()).containsExactly(1L, 2L, 3L);
        List<PairBlock.Pair> expected = List.of(pair(10L, 1L), pair(20L, 2L, PairBlock.Kind.MATCHED), pair(30L, 3L, PairBlock.Kind.LOOKUP));
        assertThat(block.pairs()).isEqualTo(expected);
        PairBlock decoded = PairBlock.decode(block.encode());
        assertThat(decoded.pairs()).isEqualTo(expected);
        assertThat(decoded.find(20L)).isEqualTo(2L);
    }

    @Test
    void textAndMixedSidesKeepTheirIds() {
        PairBlock text = PairBlock.of(List.of(pair("b-2", "b-2"), pair("a-1", "a-1")));
        assertThat(text.find("a-1")).isEqualTo("a-1");
        assertThat(text.find(1L)).isNull();
        // each side is packed on its own: numeric sources may pair with text destinations
        PairBlock mixed = PairBlock.of(List.of(pair(2L, "x"), pair(1L, "y", PairBlock.Kind.MATCHED)));
        assertThat(mixed.find(1L)).isEqualTo("y");
        assertThat(PairBlock.decode(mixed.encode()).pairs()).containsExactly(pair(1L, "y", PairBlock.Kind.MATCHED), pair(2L, "x"));
        assertThat(PairBlock.decode(text.encode()).pairs()).containsExactly(pair("a-1", "a-1"), pair("b-2", "b-2"));
        assertThat(PairBlock.of(List.of()).isEmpty()).isTrue();
    }
}
