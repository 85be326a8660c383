using System.Text;
using IngressSim.Engine.Time;
using IngressSim.Model.Metrics;

namespace IngressSim.Reporting.Tests;

public class TimeseriesCsvWriterTests
{
    private static string WriteSyntheticRun(int seconds = 60)
    {
        var output = new MemoryStream();
        using (var csv = new TimeseriesCsvWriter(output)) SyntheticRun.Create(csv, seconds: seconds);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public void Header_NamesEveryColumn()
    {
        var header = WriteSyntheticRun().Split('\n')[0];
        Assert.Equal(
            "window_start_s,window_end_s,series,requests,mean_ms,p50_ms,p95_ms,p99_ms,p999_ms,max_ms," +
            "status_2xx,status_404,status_429,status_500,status_502,status_503,status_504,status_client_timeout,status_reset,status_refused," +
            "retries,new_connections,tls_full_handshakes,tls_resumed_handshakes," +
            "active_connections,ready_pods,pod_cpu_utilisation,controller_cpu_utilisation,worker_generations," +
            "nginx_resident_memory_bytes,nginx_processes",
            header);
    }

    [Fact]
    public void Rows_OnePerWindowAndSeries_PlusAll()
    {
        var lines = WriteSyntheticRun(60).TrimEnd('\n').Split('\n');
        Assert.Equal(1 + 6 * (SyntheticRun.Series.Length + 1), lines.Length);
        var firstAll = lines[4].Split(',');
        Assert.Equal(["0", "10", "all"], firstAll[..3]);
        Assert.Equal(TimeseriesCsvWriter.Headers.Count, firstAll.Length);
        Assert.Equal(1999, long.Parse(firstAll[3])); // one every 5 ms from 5 ms to 9.995 s
    }

    [Fact]
    public void Row_FormatsNumbersInvariantly_AndLeavesUndefinedCellsEmpty()
    {
        var output = new MemoryStream();
        using (var csv = new TimeseriesCsvWriter(output))
        {
            var gauges = GaugeValues.Unset;
            csv.Write(new SeriesWindow(Instant.FromSeconds(10), Instant.FromSeconds(20), "shop, \"eu\"", LatencySummary.Empty,
                default, 0, 0, 0, 0, gauges));
        }
        var row = Encoding.UTF8.GetString(output.ToArray()).Split('\n')[1];
        Assert.StartsWith("10,20,\"shop, \"\"eu\"\"\",0,,,,,,,0,", row);
        Assert.EndsWith(",0,0,0,0,,,,,,,", row);
    }

    [Fact]
    public void Bytes_AreTheSameUnderGermanAndUsCulture()
    {
        var german = Cultures.With("de-DE", () => WriteSyntheticRun());
        var american = Cultures.With("en-US", () => WriteSyntheticRun());
        Assert.Equal(american, german);
        Assert.Contains(".", german.Split('\n')[1]); // decimals present, so the comparison covers them
    }
}
