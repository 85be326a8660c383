using IngressSim.Engine.Time;
using IngressSim.Model.ControlPlane;

namespace IngressSim.Model.Tests.ControlPlane;

public class CrashLoopBackOffTests
{
    private static Instant At(double seconds) => Instant.Zero + Duration.FromSecondsRounded(seconds);

    [Fact]
    public void Next_KeepsDying_DoublesFromTenSecondsToFiveMinutes()
    {
        var backOff = new CrashLoopBackOff();
        var delays = new List<double>();
        double t = 0;
        for (int i = 0; i < 8; i++)
        {
            double delay = backOff.Next(At(t)).TotalSeconds;
            delays.Add(delay);
            t += delay + 30; // restarted, then killed again 30 s later
        }
        Assert.Equal([10, 20, 40, 80, 160, 300, 300, 300], delays);
    }

    [Fact]
    public void Next_AfterTenMinutesRunning_StartsOverAtTenSeconds()
    {
        var backOff = new CrashLoopBackOff();
        Assert.Equal(10, backOff.Next(At(0)).TotalSeconds);      // restarted at 10 s
        Assert.Equal(20, backOff.Next(At(100)).TotalSeconds);    // ran 90 s: restarted at 120 s
        Assert.Equal(40, backOff.Next(At(719)).TotalSeconds);    // ran 599 s: still backing off
        Assert.Equal(10, backOff.Next(At(759 + 600)).TotalSeconds); // ran exactly 10 min: forgotten
    }
}
