namespace IngressSim.Queueing;

/// <summary>
/// Closed forms of classic queueing theory, against which the engine (and later whole scenarios)
/// is validated. λ = arrival rate, μ = service rate per server, c = servers, all per second.
/// </summary>
public static class QueueingFormulas
{
    /// <summary>Erlang C: probability that an arriving customer must wait in an M/M/c queue (needs λ &lt; cμ).</summary>
    public static double ErlangC(int c, double lambda, double mu)
    {
        double a = lambda / mu, rho = a / c;
        if (rho >= 1) throw new ArgumentOutOfRangeException(nameof(lambda), "the queue is unstable (λ ≥ cμ)");
        // Erlang B by its stable recursion, then C = B / (1 - ρ(1 - B)).
        double b = 1.0;
        for (int k = 1; k <= c; k++) b = a * b / (k + a * b);
        return b / (1 - rho * (1 - b));
    }

    /// <summary>Mean waiting time in queue, W_q = C(c, a) / (cμ − λ).</summary>
    public static double MmcMeanWait(int c, double lambda, double mu) => ErlangC(c, lambda, mu) / (c * mu - lambda);

    /// <summary>Mean time in system (sojourn), W = W_q + 1/μ.</summary>
    public static double MmcMeanSojourn(int c, double lambda, double mu) => MmcMeanWait(c, lambda, mu) + 1 / mu;

    /// <summary>
    /// P(T &gt; t) for the M/M/c sojourn time T = W + S: with probability 1 − C no wait; otherwise the
    /// wait is exponential with rate θ = cμ − λ, so T is hypoexponential(θ, μ).
    /// </summary>
    public static double MmcSojournSurvival(int c, double lambda, double mu, double t)
    {
        double C = ErlangC(c, lambda, mu), theta = c * mu - lambda;
        double serviceOnly = Math.Exp(-mu * t);
        double waitThenService = Math.Abs(theta - mu) < 1e-12 * mu
            ? (1 + mu * t) * Math.Exp(-mu * t)
            : (theta * Math.Exp(-mu * t) - mu * Math.Exp(-theta * t)) / (theta - mu);
        return (1 - C) * serviceOnly + C * waitThenService;
    }

    /// <summary>The q-quantile (0 &lt; q &lt; 1) of the M/M/c sojourn time, by bisection on the survival function.</summary>
    public static double MmcSojournQuantile(int c, double lambda, double mu, double q)
    {
        double lo = 0, hi = 1 / mu;
        while (MmcSojournSurvival(c, lambda, mu, hi) > 1 - q) hi *= 2;
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++)
        {
            double mid = (lo + hi) / 2;
            if (MmcSojournSurvival(c, lambda, mu, mid) > 1 - q) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }

    /// <summary>Blocking probability of M/M/1/K (K = most customers in the system): the arrival sees K present.</summary>
    public static double Mm1kBlocking(double lambda, double mu, int k)
    {
        double rho = lambda / mu;
        if (Math.Abs(rho - 1) < 1e-12) return 1.0 / (k + 1);
        return (1 - rho) * Math.Pow(rho, k) / (1 - Math.Pow(rho, k + 1));
    }

    /// <summary>M/D/1 mean wait by Pollaczek–Khinchine: W_q = ρ / (2μ(1 − ρ)) for deterministic service 1/μ.</summary>
    public static double Md1MeanWait(double lambda, double mu)
    {
        double rho = lambda / mu;
        if (rho >= 1) throw new ArgumentOutOfRangeException(nameof(lambda), "the queue is unstable (λ ≥ μ)");
        return rho / (2 * mu * (1 - rho));
    }
}
