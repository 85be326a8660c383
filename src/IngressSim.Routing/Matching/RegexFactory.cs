using System.Text.RegularExpressions;

namespace IngressSim.Routing.Matching;

/// <summary>
/// Compiles user-written patterns (regex paths, header patterns). NonBacktracking guarantees linear-time
/// matching, so a hostile pattern cannot stall a simulation; the few constructs it lacks (backreferences,
/// lookarounds) are reported as invalid instead.
/// </summary>
internal static class RegexFactory
{
    public static Regex? TryCreate(string pattern, RegexOptions options, out string? error)
    {
        try
        {
            error = null;
            return new Regex(pattern, options | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            error = ex.Message;
            return null;
        }
    }
}
