using Registry.EventStore;
using Registry.Host.Cli.Import;

namespace Registry.Tests.Write.Import;

public sealed class ImportSpecs : WriteSpecification
{
    private string _folder = null!;

    [SetUp]
    public void Folder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "registry-import-tests", Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private const string Csv = """
        startupId,name,provinceCode,sectors,stage,founders,occurredOn,source
        hoa-sen,Hoa Sen,20,agritech;food,project,"[{""name"":""Nguyễn A""}]",2023-05-01,import
        sen-hong,"Sen Hồng, JSC",24,fintech,company,[],2023-06-01,import
        bad-one,Bad,99,x,project,[],2023-06-01,import
        ,No Id,20,x,unicorn,[],2023-06-01,import
        """;

    private async Task<(ImportSummary Summary, string File)> Import(string name, string content, string command = "RegisterStartup")
    {
        var file = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(file, content);
        return (await new Importer(Sender, Admin).ImportAsync(file, command, null, CancellationToken.None), file);
    }

    [Test]
    public async Task Each_csv_row_lands_whole_or_goes_with_its_reason_to_the_rejects_file()
    {
        var (summary, file) = await Import("startups.csv", Csv);
        Assert.That((summary.Rows, summary.Recorded, summary.Rejected), Is.EqualTo((4, 2, 2)));
        Assert.That(await Store.GetStreamRevisionAsync("startup-hoa-sen"), Is.EqualTo(0));
        Assert.That(await Store.GetStreamRevisionAsync("startup-sen-hong"), Is.EqualTo(0));
        var rejects = await File.ReadAllLinesAsync(Importer.RejectsFileOf(file));
        Assert.That(rejects[0], Is.EqualTo("line,reason,row"));
        Assert.That(rejects[1], Does.StartWith("4,").And.Contain("'99' is not a province code"));
        Assert.That(rejects[2], Does.StartWith("5,").And.Contain("startupId").And.Contain("stage"));
    }

    [Test]
    public async Task A_number_written_with_separators_is_rejected_naming_the_field_not_read_a_thousand_times_too_small()
    {
        var (summary, file) = await Import("trainings.csv", """
            trainingId,title,organizer,provinceCode,startsOn,endsOn,audience,participants.value,participants.qualifier,occurredOn,source
            t1,Tập huấn,Sở KH&CN,20,2024-03-01,2024-03-02,doanh nghiệp,10.000,exact,2024-03-02,import
            t2,Tập huấn,Sở KH&CN,20,2024-03-01,2024-03-02,doanh nghiệp,"1,5",exact,2024-03-02,import
            t3,Tập huấn,Sở KH&CN,20,2024-03-01,2024-03-02,doanh nghiệp,10000,exact,2024-03-02,import
            """, "RecordTraining");

        Assert.That((summary.Rows, summary.Recorded, summary.Rejected), Is.EqualTo((3, 1, 2)));
        var rejects = await File.ReadAllLinesAsync(Importer.RejectsFileOf(file));
        Assert.That(rejects[1], Does.StartWith("2,").And.Contain("participants.value: '10.000' has separators"));
        Assert.That(rejects[2], Does.StartWith("3,").And.Contain("participants.value: '1,5' has separators"));
        Assert.That(await Store.GetStreamRevisionAsync("training-t3"), Is.EqualTo(0));
        Assert.That(await Store.GetStreamRevisionAsync("training-t1"), Is.Null);
    }

    [Test]
    public async Task Rows_of_empty_cells_at_the_end_of_a_spreadsheet_export_are_skipped_not_rejected()
    {
        var (summary, file) = await Import("startups.csv", Csv.Split('\n')[0] + "\n" + Csv.Split('\n')[1] + "\n,,,,,,,\n , , ,,,,,\n");

        Assert.That((summary.Rows, summary.Recorded, summary.Rejected), Is.EqualTo((1, 1, 0)));
        Assert.That(File.Exists(Importer.RejectsFileOf(file)), Is.False);
    }

    [Test]
    public async Task Running_the_same_import_again_writes_nothing_twice()
    {
        await Import("startups.csv", Csv);
        var head = await Store.GetHeadPositionAsync();
        var (again, _) = await Import("copy-of-startups.csv", Csv);
        Assert.That((again.Recorded, again.AlreadyRecorded, again.Rejected), Is.EqualTo((0, 2, 2)));
        Assert.That(await Store.GetHeadPositionAsync(), Is.EqualTo(head));
    }

    [Test]
    public async Task Json_lines_are_imported_and_a_clean_run_leaves_no_rejects_file()
    {
        var (summary, file) = await Import("trainings.jsonl", """
            {"trainingId":"t1","title":"T","organizer":"O","provinceCode":"20","startsOn":"2022-01-01","endsOn":"2022-01-02","audience":"a","participants":{"value":30,"qualifier":"atLeast"},"occurredOn":"2022-01-02","source":"s"}

            {"trainingId":"t2","title":"T","organizer":"O","provinceCode":"15","startsOn":"2022-01-01","endsOn":"2022-01-02","audience":"a","participants":{"value":30},"occurredOn":"2022-01-02","source":"s"}
            """, "RecordTraining");
        Assert.That((summary.Rows, summary.Recorded, summary.Rejected), Is.EqualTo((2, 2, 0)));
        Assert.That(File.Exists(Importer.RejectsFileOf(file)), Is.False);
        Assert.That(await Store.GetStreamRevisionAsync("training-t2"), Is.EqualTo(0));
    }

    [Test]
    public async Task A_file_that_is_not_utf8_is_refused_whole_naming_the_line_and_nothing_is_written()
    {
        var file = Path.Combine(_folder, "windows-1258.csv");
        // "Hồng" as Windows-1258 writes 'ô' as the byte 0xF4 (and the hook as a combining 0xD2): not UTF-8.
        var lines = Csv.Split('\n');
        var bytes = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines[..2]) + "\n")
            .Concat("sen-hong,Sen H"u8.ToArray()).Concat(new byte[] { 0xF4, 0xD2 }).Concat("ng,24,fintech,company,[],2023-06-01,import\n"u8.ToArray()).ToArray();
        await File.WriteAllBytesAsync(file, bytes);
        var head = await Store.GetHeadPositionAsync();

        var error = Assert.ThrowsAsync<InvalidDataException>(() => new Importer(Sender, Admin).ImportAsync(file, "RegisterStartup", null, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("line 3 is not UTF-8").And.Contain("0xF4").And.Contain("Nothing was imported"));
        Assert.That(await Store.GetHeadPositionAsync(), Is.EqualTo(head), "not even the valid line 2 was recorded");
    }

    [Test]
    public async Task A_line_that_is_not_json_is_rejected_with_its_reason()
    {
        var (summary, file) = await Import("bad.jsonl", "{not json\n", "RecordTraining");
        Assert.That(summary.Rejected, Is.EqualTo(1));
        Assert.That(await File.ReadAllTextAsync(Importer.RejectsFileOf(file)), Does.Contain("not valid JSON"));
    }
}
