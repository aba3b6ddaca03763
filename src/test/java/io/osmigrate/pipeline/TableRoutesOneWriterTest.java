package io.osmigrate.pipeline;

/**
 * Every test of the insert template's route with one writer: the splitter hands batches over from the
 * writers' only thread, so a hand-over that waited for a free writer would wait for itself.
 */
class TableRoutesOneWriterTest extends TableRoutesTest {

    @Override
    int writers() {
        return 1;
    }
}
