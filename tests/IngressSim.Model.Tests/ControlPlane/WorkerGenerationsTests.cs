using IngressSim.Engine.Time;
using IngressSim.Model.Controllers.Nginx;
using IngressSim.Scenarios.Units;

namespace IngressSim.Model.Tests.ControlPlane;

public class WorkerGenerationsTests
{
    private static Instant S(long s) => Instant.FromSeconds(s);

    private static WorkerGenerations Replica() => new(workersPerGeneration: 4, new ByteSize(100L << 20), Duration.FromSeconds(240));

    [Fact]
    public void New_OneGenerationAcceptingConnections()
    {
        var workers = Replica();
        Assert.Equal(0, workers.Current);
        Assert.Equal(1, workers.LiveGenerations);
        Assert.Equal(4, workers.WorkerProcesses);
        Assert.Equal(new ByteSize(400L << 20), workers.ResidentMemory);
        Assert.Null(workers.NextShutdownDeadline);
    }

    [Fact]
    public void Reload_WithoutConnections_OldGenerationExitsAtOnce()
    {
        var workers = Replica();
        Assert.Equal(1, workers.Reload(S(10)));
        Assert.Equal(1, workers.LiveGenerations);
        Assert.Null(workers.NextShutdownDeadline);
    }

    [Fact]
    public void Reload_NewConnectionsGoToTheNewGeneration_OldOnesStayUntilClosed()
    {
        var workers = Replica();
        Assert.Equal(0, workers.Accept(1));
        Assert.Equal(0, workers.Accept(2));
        workers.Reload(S(10));
        Assert.Equal(1, workers.Accept(3));
        Assert.Equal(0, workers.GenerationOf(1));
        Assert.Equal(2, workers.LiveGenerations);
        Assert.Equal(new ByteSize(800L << 20), workers.ResidentMemory);
        Assert.Equal([1L, 2L], workers.ConnectionsOf(0));
        Assert.Equal(S(250), workers.NextShutdownDeadline);

        Assert.False(workers.Close(2));
        Assert.True(workers.Close(1)); // the last connection of the draining generation: it exits
        Assert.Equal(1, workers.LiveGenerations);
        Assert.False(workers.Close(3)); // the current generation never exits
    }

    [Fact]
    public void CutExpired_AtTheShutdownTimeout_CutsTheRemainingConnections()
    {
        var workers = Replica();
        workers.Accept(7);
        workers.Accept(5);
        workers.Reload(S(10));
        workers.Accept(9);
        workers.Reload(S(100));
        Assert.Equal(3, workers.LiveGenerations);
        Assert.Equal(S(250), workers.NextShutdownDeadline);

        Assert.Empty(workers.CutExpired(S(249)));
        Assert.Equal([5L, 7L], workers.CutExpired(S(250)));
        Assert.Equal(2, workers.LiveGenerations);
        Assert.Equal(S(340), workers.NextShutdownDeadline);
        Assert.Throws<InvalidOperationException>(() => workers.Close(5));
        Assert.Equal([9L], workers.CutExpired(S(340)));
        Assert.Equal(1, workers.LiveGenerations);
    }

    [Fact]
    public void Reload_FrequentWithLongLivedConnections_GenerationsPileUp()
    {
        // MODEL_FACTS §1 (#3907): a reload every few seconds with WebSockets open keeps every generation alive.
        var workers = Replica();
        for (int i = 0; i < 15; i++)
        {
            workers.Accept(i);
            workers.Reload(S(3 * i));
        }
        Assert.Equal(16, workers.LiveGenerations);
        Assert.Equal(64, workers.WorkerProcesses);
    }

    [Fact]
    public void Accept_SameConnectionTwice_Throws()
    {
        var workers = Replica();
        workers.Accept(1);
        Assert.Throws<InvalidOperationException>(() => workers.Accept(1));
        Assert.Throws<InvalidOperationException>(() => workers.Close(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => workers.ConnectionsOf(5));
    }
}
