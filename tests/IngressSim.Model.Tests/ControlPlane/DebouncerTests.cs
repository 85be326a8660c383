using IngressSim.Engine.Time;
using IngressSim.Model.Controllers.Sync;

namespace IngressSim.Model.Tests.ControlPlane;

public class DebouncerTests
{
    private static Instant Ms(long ms) => Instant.At(Duration.FromMilliseconds(ms));

    // Contour defaults (MODEL_FACTS §3): holdoff 100 ms, max 500 ms.
    private static Debouncer Contour(long startMs = 0) =>
        new(Duration.FromMilliseconds(100), Duration.FromMilliseconds(500), Ms(startMs));

    [Fact]
    public void Changed_SoonAfterStart_WaitsTheHoldoff()
    {
        var debouncer = Contour();
        Assert.Equal(Ms(150), debouncer.Changed(Ms(50)));
    }

    [Fact]
    public void Changed_EachChangeRearmsTheHoldoff()
    {
        var debouncer = Contour();
        debouncer.Changed(Ms(50));
        Assert.Equal(Ms(230), debouncer.Changed(Ms(130)));
        Assert.False(debouncer.IsDue(Ms(150)));
        Assert.True(debouncer.IsDue(Ms(230)));
        Assert.Equal(2, debouncer.Rebuilt(Ms(230)));
        Assert.Null(debouncer.DueAt);
        Assert.Equal(0, debouncer.Outstanding);
    }

    [Fact]
    public void Changed_MoreThanMaxAfterTheLastRebuild_FiresAtOnce()
    {
        var debouncer = Contour();
        Assert.Equal(Ms(501), debouncer.Changed(Ms(501)));
        // Exactly max after the last rebuild is not "more than" max (handler.go: time.Since(...) > max).
        var other = Contour();
        Assert.Equal(Ms(600), other.Changed(Ms(500)));
    }

    [Fact]
    public void Changed_SteadyStream_RebuildsAboutEveryMax()
    {
        var debouncer = Contour();
        var rebuilds = new List<Instant>();
        for (long t = 0; t <= 5000; t += 50)
        {
            if (debouncer.DueAt is { } due && due < Ms(t))
            {
                debouncer.Rebuilt(due);
                rebuilds.Add(due);
            }
            var next = debouncer.Changed(Ms(t));
            if (next == Ms(t))
            {
                debouncer.Rebuilt(next);
                rebuilds.Add(next);
            }
        }
        // Changes every 50 ms never leave the 100 ms holdoff quiet: only the max rule rebuilds, at the
        // first change more than 500 ms after the previous rebuild.
        Assert.Equal([Ms(550), Ms(1100), Ms(1650), Ms(2200), Ms(2750), Ms(3300), Ms(3850), Ms(4400), Ms(4950)], rebuilds);
    }

    [Fact]
    public void Rebuilt_WhenNotDue_Throws()
    {
        var debouncer = Contour();
        Assert.Throws<InvalidOperationException>(() => debouncer.Rebuilt(Ms(10)));
        debouncer.Changed(Ms(10));
        Assert.Throws<InvalidOperationException>(() => debouncer.Rebuilt(Ms(50)));
    }
}
