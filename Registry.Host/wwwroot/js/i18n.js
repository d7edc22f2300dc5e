// Interface text: Vietnamese by default (the registry's users are provincial and ministry staff), English on request.
const texts = {
  vi: {
    skip: 'Bỏ qua đến nội dung', title: 'Sổ đăng ký hệ sinh thái khởi nghiệp', 'nav.overview': 'Toàn quốc',
    'nav.startups': 'Doanh nghiệp khởi nghiệp', 'nav.audit': 'Kiểm toán', map: 'Bản đồ hành chính',
    'map.2025': '34 tỉnh, thành (từ 01/07/2025)', 'map.pre2025': '63 tỉnh, thành (trước 01/07/2025)',
    asOf: 'Xem sổ như tại (dd/MM/yyyy)', 'asOf.apply': 'Xem', 'asOf.clear': 'Hiện tại', lang: 'Ngôn ngữ',
    banner: 'Đang xem sổ như tại {at} — không phải số liệu hiện tại.', badDate: 'Ngày không hợp lệ: dùng dd/MM/yyyy.',
    year: 'Năm', province: 'Tỉnh, thành', region: 'Vùng', startups: 'Khởi nghiệp', prizes: 'Giải thưởng',
    trainings: 'Khoá đào tạo', participants: 'Lượt học viên', funding: 'Vốn huy động (VND)', pii: 'Điểm PII',
    overview: 'Toàn quốc năm {year}', ranked: 'Xếp hạng theo số khởi nghiệp', loading: 'Đang tải…',
    notFound: 'Không tìm thấy.', notAvailable: 'Máy chủ này chưa có chức năng này ({path}).', failed: 'Lỗi khi gọi {path}: {status}',
    dashboard: 'Số liệu theo năm', metric: 'Chỉ tiêu', value: 'Giá trị', bySector: 'Theo lĩnh vực', byStage: 'Theo giai đoạn',
    years: 'Qua các năm', plans: 'Kế hoạch: chỉ tiêu và thực hiện', target: 'Chỉ tiêu (tối thiểu–tối đa)', actual: 'Thực hiện',
    status: 'Trạng thái', competitions: 'Cuộc thi', trainingsList: 'Đào tạo', events: 'Sự kiện', findings: 'Chất lượng dữ liệu',
    noFindings: 'Không có phát hiện nào.', none: 'Không có.', units: 'Gồm các đơn vị cũ', search: 'Tìm kiếm (không cần dấu)',
    sector: 'Lĩnh vực', stage: 'Giai đoạn', all: 'Tất cả', name: 'Tên', registeredOn: 'Ngày đăng ký', source: 'Nguồn',
    results: '{n} kết quả', prev: 'Trang trước', next: 'Trang sau', history: 'Lịch sử (các sự kiện và nguồn)', type: 'Loại',
    occurredOn: 'Ngày xảy ra', recorded: 'Ghi sổ lúc', position: 'Vị trí', explain: 'Giải thích', explainTitle: 'Các sự kiện đằng sau số liệu', readAt: 'Như số liệu đã đọc tại vị trí {position} của sổ.',
    stream: 'Luồng', audit: 'Kiểm toán sổ', verify: 'Kiểm tra toàn vẹn', verifyOk: 'Sổ toàn vẹn', verifyBad: 'Sổ có vấn đề',
    eventsChecked: 'Số sự kiện đã kiểm', lastPosition: 'Vị trí cuối', digest: 'Mã băm', checkpoint: 'Điểm kiểm tra có chữ ký gần nhất',
    noCheckpoint: 'Chưa có điểm kiểm tra nào được ký.', signedAt: 'Ký lúc', algorithm: 'Thuật toán', publicKey: 'Khoá công khai',
    signature: 'Chữ ký', diff: 'Thay đổi giữa hai ngày', from: 'Từ ngày (dd/MM/yyyy)', to: 'Đến ngày (dd/MM/yyyy)', show: 'Xem',
    'stage.Idea': 'Ý tưởng', 'stage.Project': 'Dự án', 'stage.Company': 'Doanh nghiệp', problem: 'Vấn đề',
    'metric.startups_registered': 'Khởi nghiệp đăng ký', 'metric.startups_supported': 'Khởi nghiệp được hỗ trợ',
    'metric.startups_funded': 'Khởi nghiệp gọi được vốn', 'metric.funding_vnd': 'Vốn huy động (VND)', 'metric.competitions_held': 'Cuộc thi',
    'metric.valid_applications': 'Hồ sơ hợp lệ', 'metric.prizes_awarded': 'Giải thưởng', 'metric.trainings_held': 'Khoá đào tạo',
    'metric.training_participants': 'Lượt học viên', 'metric.ecosystem_events_held': 'Sự kiện hệ sinh thái',
    'metric.support_organizations': 'Tổ chức hỗ trợ', 'metric.ecosystem_event_exhibits': 'Sản phẩm trưng bày',
  },
  en: {
    skip: 'Skip to content', title: 'Startup Ecosystem Registry', 'nav.overview': 'Nationwide', 'nav.startups': 'Startups',
    'nav.audit': 'Audit', map: 'Administrative map', 'map.2025': '34 provinces (from 01/07/2025)', 'map.pre2025': '63 provinces (before 01/07/2025)',
    asOf: 'View the registry as of (dd/MM/yyyy)', 'asOf.apply': 'View', 'asOf.clear': 'Now', lang: 'Language',
    banner: 'Viewing the registry as it stood at {at} — not the current figures.', badDate: 'Invalid date: use dd/MM/yyyy.',
    year: 'Year', province: 'Province', region: 'Region', startups: 'Startups', prizes: 'Prizes', trainings: 'Trainings',
    participants: 'Participants', funding: 'Funding (VND)', pii: 'PII score', overview: 'Nationwide, {year}', ranked: 'Ranked by startups',
    loading: 'Loading…', notFound: 'Not found.', notAvailable: 'This server does not offer this yet ({path}).', failed: 'Calling {path} failed: {status}',
    dashboard: 'Figures by year', metric: 'Metric', value: 'Value', bySector: 'By sector', byStage: 'By stage', years: 'Over the years',
    plans: 'Plans: targets and actuals', target: 'Target (min–max)', actual: 'Actual', status: 'Status', competitions: 'Competitions',
    trainingsList: 'Trainings', events: 'Events', findings: 'Data quality', noFindings: 'No findings.', none: 'None.',
    units: 'Former units', search: 'Search (diacritics optional)', sector: 'Sector', stage: 'Stage', all: 'All', name: 'Name',
    registeredOn: 'Registered on', source: 'Source', results: '{n} results', prev: 'Previous page', next: 'Next page',
    history: 'History (events and sources)', type: 'Type', occurredOn: 'Occurred on', recorded: 'Recorded at', position: 'Position',
    explain: 'Explain', explainTitle: 'Events behind the figure', readAt: 'As the figure was read, at log position {position}.', stream: 'Stream', audit: 'Registry audit', verify: 'Integrity check',
    verifyOk: 'The log is intact', verifyBad: 'The log has a problem', eventsChecked: 'Events checked', lastPosition: 'Last position',
    digest: 'Digest', checkpoint: 'Latest signed checkpoint', noCheckpoint: 'No checkpoint has been signed yet.', signedAt: 'Signed at',
    algorithm: 'Algorithm', publicKey: 'Public key', signature: 'Signature', diff: 'Changes between two dates', from: 'From (dd/MM/yyyy)',
    to: 'To (dd/MM/yyyy)', show: 'Show', 'stage.Idea': 'Idea', 'stage.Project': 'Project', 'stage.Company': 'Company', problem: 'Problem',
    'metric.startups_registered': 'Startups registered', 'metric.startups_supported': 'Startups supported',
    'metric.startups_funded': 'Startups funded', 'metric.funding_vnd': 'Funding (VND)', 'metric.competitions_held': 'Competitions',
    'metric.valid_applications': 'Valid applications', 'metric.prizes_awarded': 'Prizes', 'metric.trainings_held': 'Trainings',
    'metric.training_participants': 'Participants', 'metric.ecosystem_events_held': 'Ecosystem events',
    'metric.support_organizations': 'Support organizations', 'metric.ecosystem_event_exhibits': 'Exhibits',
  },
};

let lang = localStorage.getItem('lang') === 'en' ? 'en' : 'vi';

export const language = () => lang;

export function setLanguage(value) {
  lang = value === 'en' ? 'en' : 'vi';
  localStorage.setItem('lang', lang);
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
}

/** The text for a key in the current language, with {name} placeholders filled. */
export function t(key, values = {}) {
  const text = texts[lang][key] ?? texts.vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}
