#include "i18n.h"

#include <cctype>
#include <string>
#include <unordered_map>

namespace core {

namespace {

// Core's own strings: error messages, button meanings, problems. "{}" marks where tr_format() inserts values.
const TranslationPair kCoreStrings[] = {
    // response.cpp
    {"The server did not answer in time. It may be overloaded or unreachable; the inspector will try again.",
     "服务器没有及时应答，可能过载或无法访问；检查器稍后会重试。"},
    {"No answer from the server: the connection failed or the browser blocked it. If the server does not allow "
     "this page's origin (CORS), the browser refuses the answer. Check the base URL, or use the same-origin relay "
     "(serve the inspector from the demo server and leave the base URL empty).",
     "服务器没有应答：连接失败或被浏览器拦截。如果服务器不允许本页面的来源（CORS 跨域），浏览器会拒绝其应答。"
     "请检查接口地址，或使用同源中转（由演示服务器提供本页面，并将接口地址留空）。"},
    {"The server answered with a web page instead of JSON (HTTP {}).", "服务器返回了网页而不是 JSON（HTTP {}）。"},
    {"The server answered with a web page instead of JSON (HTTP {}): {}", "服务器返回了网页而不是 JSON（HTTP {}）：{}"},
    {"The server refused the API key (HTTP {}): check the API key and the header style (Bearer / raw / "
     "mj-api-secret).",
     "服务器拒绝了 API 密钥（HTTP {}）：请检查 API 密钥和请求头方式（Bearer / 原样 / mj-api-secret）。"},
    {"Task not found (HTTP {}): check the task id and that it belongs to this server.",
     "未找到任务（HTTP {}）：请检查任务 ID，并确认它属于这个服务器。"},
    {"Task not found: check the task id and that it belongs to this server.",
     "未找到任务：请检查任务 ID，并确认它属于这个服务器。"},
    {"Task not found: the server's list did not include it.", "未找到任务：服务器返回的列表中没有它。"},
    {"Too many requests (HTTP 429): the server asks to wait {} s.", "请求过多（HTTP 429）：服务器要求等待 {} 秒。"},
    {"Too many requests (HTTP 429): polling more slowly.", "请求过多（HTTP 429）：将降低刷新频率。"},
    {"The server had an error (HTTP {}).", "服务器出错（HTTP {}）。"},
    {"The server answered HTTP {}.", "服务器应答 HTTP {}。"},
    {"Server says: {}", "服务器消息：{}"},
    {"The server answered HTTP {} with an empty body.", "服务器应答 HTTP {}，但内容为空。"},
    {"The answer was cut off before the JSON ended ({} bytes received).", "应答在 JSON 结束前被截断（收到 {} 字节）。"},
    {"The answer is not valid JSON.", "应答不是有效的 JSON。"},
    {"at byte {}: {}", "位于第 {} 字节：{}"},
    {"Expected a task object, but the server sent {}.", "应为任务对象，但服务器发送了{}。"},
    {"Expected a list of tasks, but the server sent {}.", "应为任务列表，但服务器发送了{}。"},
    {"The server reported an error instead of a task.", "服务器返回了错误，而不是任务。"},
    {"The server reported an error instead of a task: {}", "服务器返回了错误，而不是任务：{}"},
    {"an array of {} elements", "一个含 {} 个元素的数组"},
    {"a string ({})", "一个字符串（{}）"},
    {"null", "null"},
    {"a boolean ({})", "一个布尔值（{}）"},
    {"an object", "一个对象"},
    {"a number ({})", "一个数字（{}）"},
    {"binary data", "二进制数据"},
    // request.cpp (reasons a base URL is refused)
    {"the base URL is not valid text", "接口地址不是有效的文本"},
    {"the base URL must start with http:// or https://", "接口地址必须以 http:// 或 https:// 开头"},
    {"the base URL contains spaces or control characters", "接口地址包含空格或控制字符"},
    {"the base URL must not contain ? or #", "接口地址不能包含 ? 或 #"},
    {"the base URL has no host name", "接口地址缺少主机名"},
    // app.cpp
    {"Not a task id: '{}' (ids are at most 128 characters, without spaces or control characters)",
     "不是任务 ID：“{}”（ID 最多 128 个字符，不能含空格或控制字符）"},
    {"The base URL was not applied: {}", "接口地址未生效：{}"},
    {"The API key was not applied: it contains line breaks or characters other than printable ASCII, which an HTTP "
     "header cannot carry.",
     "API 密钥未生效：其中含有换行或非 ASCII 可打印字符，无法放入 HTTP 请求头。"},
    {"configure() expects an object such as {baseUrl, apiKey, auth}",
     "configure() 需要一个对象，例如 {baseUrl, apiKey, auth}"},
    {"configure(): '{}' must be {}; it was ignored", "configure()：“{}”必须是{}；已忽略"},
    {"configure(): unknown key '{}' was ignored", "configure()：未知的键“{}”已忽略"},
    {"a string", "字符串"},
    {"a string (an http:// or https:// URL, or \"\" for this page's server)",
     "字符串（http:// 或 https:// 地址，或 \"\" 表示本页面所在的服务器）"},
    {"\"bearer\", \"raw\" or \"mj-api-secret\"", "\"bearer\"、\"raw\" 或 \"mj-api-secret\""},
    {"a number of seconds from 1 to 3600", "1 到 3600 之间的秒数"},
    {"\"zh\" or \"en\"", "\"zh\" 或 \"en\""},
    {"\"dark\" or \"light\"", "\"dark\" 或 \"light\""},
    {"true or false", "true 或 false"},
    // button_id.cpp
    {"Upscale {}", "放大 {}"},
    {"Variation {}", "变化 {}"},
    {"Reroll", "重新生成"},
    {"Upscale (Subtle)", "放大（细微）"},
    {"Upscale (Creative)", "放大（创意）"},
    {"Upscale 2x", "放大 2x"},
    {"Upscale 4x", "放大 4x"},
    {"Vary (Subtle)", "变化（细微）"},
    {"Vary (Strong)", "变化（强烈）"},
    {"Vary (Region)", "局部重绘"},
    {"Zoom Out 2x", "缩小 2x"},
    {"Zoom Out 1.5x", "缩小 1.5x"},
    {"Zoom Out {}", "缩小 {}"},
    {"Custom Zoom", "自定义缩放"},
    {"Pan left", "向左平移"},
    {"Pan right", "向右平移"},
    {"Pan up", "向上平移"},
    {"Pan down", "向下平移"},
    {"Animate (High motion)", "生成动画（高动态）"},
    {"Animate (Low motion)", "生成动画（低动态）"},
    {"Describe: use prompt {}", "描述：使用提示词 {}"},
    {"Describe: use all prompts", "描述：使用全部提示词"},
    {"Describe: retry", "描述：重试"},
};

const std::unordered_map<std::string, const char*>& zh_index()
{
    static const std::unordered_map<std::string, const char*> index = [] {
        std::unordered_map<std::string, const char*> m;
        m.reserve(sizeof(kCoreStrings) / sizeof(kCoreStrings[0]) + kUiStringsCount);
        for (const TranslationPair& p : kCoreStrings)
            if (p.en && p.zh) m.emplace(p.en, p.zh);
        for (size_t i = 0; i < kUiStringsCount; ++i)
            if (kUiStrings[i].en && kUiStrings[i].zh) m.emplace(kUiStrings[i].en, kUiStrings[i].zh);
        return m;
    }();
    return index;
}

} // namespace

const char* tr(Lang lang, const char* english)
{
    if (!english) return "";
    if (lang != Lang::Zh) return english;
    const auto& m = zh_index();
    auto it = m.find(english);
    return it == m.end() ? english : it->second;
}

std::string tr_format(Lang lang, const char* english, const std::vector<std::string>& args)
{
    const std::string t = tr(lang, english);
    std::string out;
    out.reserve(t.size() + 32);
    size_t next = 0;
    for (size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '{' && i + 1 < t.size() && t[i + 1] == '}') {
            if (next < args.size()) out += args[next];
            ++next;
            ++i;
        } else {
            out += t[i];
        }
    }
    return out;
}

Lang lang_from_tag(const std::string& tag)
{
    if (tag.size() >= 2 && std::tolower(static_cast<unsigned char>(tag[0])) == 'z' &&
        std::tolower(static_cast<unsigned char>(tag[1])) == 'h' && (tag.size() == 2 || tag[2] == '-' || tag[2] == '_'))
        return Lang::Zh;
    return Lang::En;
}

const char* lang_code(Lang lang)
{
    return lang == Lang::Zh ? "zh" : "en";
}

std::vector<std::string> all_translations()
{
    std::vector<std::string> out;
    for (const TranslationPair& p : kCoreStrings) {
        if (p.en) out.emplace_back(p.en);
        if (p.zh) out.emplace_back(p.zh);
    }
    for (size_t i = 0; i < kUiStringsCount; ++i) {
        if (kUiStrings[i].en) out.emplace_back(kUiStrings[i].en);
        if (kUiStrings[i].zh) out.emplace_back(kUiStrings[i].zh);
    }
    return out;
}

// The core table, exposed for tests (every English key must be unique and every entry translated).
size_t core_strings_count()
{
    return sizeof(kCoreStrings) / sizeof(kCoreStrings[0]);
}
const TranslationPair* core_strings()
{
    return kCoreStrings;
}

} // namespace core
