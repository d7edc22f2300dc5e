using System.Text;
using Registry.EventStore;

namespace Registry.Host.Cli.Bench;

/// <summary>The synthetic events load commands write: about 500 bytes of JSON data, like a typical registry fact.</summary>
public static class BenchPayload
{
    public const string EventType = "StartupRegistered";
    private static readonly byte[] Metadata = """{"source":"bench","principal":"bench"}"""u8.ToArray();

    public static byte[] Data(long n) => Encoding.UTF8.GetBytes(
        $$"""{"n":{{n}},"name":"Công ty Cổ phần Đổi mới Sáng tạo {{n}}","province":"Hà Nội","sector":"agritech","founded":"2023-04-01","founders":["Nguyễn Văn An","Trần Thị Bình"],"programme":"Đề án 844","description":"{{new string('x', 300)}}"}""");

    /// <param name="timeOrderedIds">Version 7 (time-ordered) event ids, as writers should create them, rather than
    /// random version 4 ids (the log indexes event ids, and random ones dirty pages all over that index).</param>
    public static EventData Event(long n, bool timeOrderedIds = true) =>
        new(timeOrderedIds ? Guid.CreateVersion7() : Guid.NewGuid(), EventType, Data(n), Metadata);

    public static EventData[] Batch(long first, int count, bool timeOrderedIds = true)
    {
        var events = new EventData[count];
        for (var i = 0; i < count; i++) events[i] = Event(first + i, timeOrderedIds);
        return events;
    }
}
