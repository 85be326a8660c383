using IngressSim.Distributions;
using IngressSim.Engine.Randomness;

namespace IngressSim.Queueing;

/// <summary>
/// Two yardsticks the engine benchmark measures in the same run, on the same random numbers:
/// the minimal hand-written event loop over .NET's <see cref="PriorityQueue{TElement,TPriority}"/>
/// (what a careful programmer writes without an engine), and the Kiefer–Wolfowitz/Lindley
/// recursion for FIFO M/M/c, which needs no event queue at all (the floor). Each returns the mean wait.
/// </summary>
public static class ReferenceLoops
{
    public static double PriorityQueueLoop(MmcParameters p)
    {
        var interarrival = Samplers.ExponentialWithMean(1 / p.ArrivalRate, new RandomStream(p.Seed, "arrivals"));
        var service = Samplers.ExponentialWithMean(1 / p.ServiceRate, new RandomStream(p.Seed, "service"));
        const int arrival = -1;
        var events = new PriorityQueue<int, double>(); // element: -1 = arrival, else the departing customer's slot
        var waiting = new Queue<(double Arrived, double Service)>();
        int busy = 0;
        long completed = 0;
        double totalWait = 0;
        events.Enqueue(arrival, interarrival.Sample());
        while (events.TryDequeue(out int e, out double now))
        {
            if (e == arrival)
            {
                double s = service.Sample();
                if (busy < p.Servers) { busy++; events.Enqueue(0, now + s); }
                else waiting.Enqueue((now, s));
                events.Enqueue(arrival, now + interarrival.Sample());
            }
            else
            {
                if (++completed == p.Customers) break;
                if (waiting.TryDequeue(out var next))
                {
                    totalWait += now - next.Arrived;
                    events.Enqueue(0, now + next.Service);
                }
                else busy--;
            }
        }
        return totalWait / p.Customers;
    }

    public static double LindleyRecursion(MmcParameters p)
    {
        var interarrival = Samplers.ExponentialWithMean(1 / p.ArrivalRate, new RandomStream(p.Seed, "arrivals"));
        var service = Samplers.ExponentialWithMean(1 / p.ServiceRate, new RandomStream(p.Seed, "service"));
        var freeAt = new double[p.Servers];
        double t = 0, totalWait = 0;
        for (long i = 0; i < p.Customers; i++)
        {
            t += interarrival.Sample();
            int earliest = 0;
            for (int k = 1; k < freeAt.Length; k++) if (freeAt[k] < freeAt[earliest]) earliest = k;
            double start = Math.Max(t, freeAt[earliest]);
            totalWait += start - t;
            freeAt[earliest] = start + service.Sample();
        }
        return totalWait / p.Customers;
    }
}
