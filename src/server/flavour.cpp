#include "server/flavour.h"

#include <cstdio>
#include <ctime>

namespace mjserver {

namespace {

using ojson = nlohmann::ordered_json;

std::string progress_text(int p)
{
    return std::to_string(p) + "%";
}

std::string image_url_for(const TaskRecord& t, const Snapshot& s, const ImageUrlFn& url)
{
    if (!url || s.image_kind.empty()) return "";
    if (s.image_kind == "preview") return url(t.id, "preview-" + std::to_string(s.progress), 0);
    if (s.image_kind == "grid") return url(t.id, "grid", s.finish_epoch);
    if (t.action == "DESCRIBE") return url(t.id, "describe", s.finish_epoch);
    return url(t.id, "upscale-" + std::to_string(t.index < 1 || t.index > 4 ? 1 : t.index), s.finish_epoch);
}

std::string prompt_of(const TaskRecord& t, const Snapshot& s, bool english)
{
    if (t.action == "DESCRIBE") {
        if (s.status != "SUCCESS") return "";
        std::string all;
        for (const auto& d : t.descriptions) all += (all.empty() ? "" : "\n\n") + d;
        return all;
    }
    return english ? t.prompt_en : t.prompt;
}

std::string cst_time(int64_t epoch_ms)
{
    if (epoch_ms <= 0) return "";
    std::time_t secs = static_cast<std::time_t>(epoch_ms / 1000 + 8 * 3600);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    return buf;
}

const char* status_zh(const std::string& s)
{
    if (s == "NOT_START") return "未启动";
    if (s == "SUBMITTED") return "已提交";
    if (s == "MODAL") return "窗口等待";
    if (s == "IN_PROGRESS") return "执行中";
    if (s == "FAILURE") return "失败";
    if (s == "SUCCESS") return "成功";
    if (s == "CANCEL") return "已取消";
    return "未知";
}

const char* action_zh(const std::string& a)
{
    if (a == "IMAGINE") return "绘图";
    if (a.rfind("UPSCALE", 0) == 0) return "放大";
    if (a == "VARIATION" || a == "LOW_VARIATION" || a == "HIGH_VARIATION") return "变化";
    if (a == "REROLL") return "重新生成";
    if (a == "DESCRIBE") return "图生文";
    if (a == "BLEND") return "图片混合";
    if (a == "ZOOM" || a == "CUSTOM_ZOOM") return "变焦";
    if (a == "PAN") return "平移";
    if (a == "INPAINT") return "局部重绘";
    return "其他";
}

ojson nullable_ms(int64_t v)
{
    return v > 0 ? ojson(v) : ojson(nullptr);
}
ojson nullable_str(const std::string& v)
{
    return v.empty() ? ojson(nullptr) : ojson(v);
}

} // namespace

ojson render_task(const TaskRecord& t, const Snapshot& s, Flavour f, const ImageUrlFn& url)
{
    if (t.frozen) return t.raw;
    const bool success = s.status == "SUCCESS";
    const bool failure = s.status == "FAILURE";
    const std::string image = image_url_for(t, s, url);
    const std::string message_id = "13717977" + t.id.substr(t.id.size() > 11 ? t.id.size() - 11 : 0);
    ojson j;
    if (f == Flavour::Java) {
        j["id"] = t.id;
        j["action"] = t.action;
        j["status"] = s.status;
        j["prompt"] = prompt_of(t, s, false);
        j["promptEn"] = prompt_of(t, s, true);
        j["description"] = t.description;
        j["state"] = nullable_str(t.state);
        j["submitTime"] = nullable_ms(s.submit_epoch);
        j["startTime"] = nullable_ms(s.start_epoch);
        j["finishTime"] = nullable_ms(s.finish_epoch);
        j["imageUrl"] = nullable_str(image);
        j["progress"] = failure ? "" : progress_text(s.progress);
        j["failReason"] = nullable_str(s.fail_reason);
        j["properties"] = {{"finalPrompt", t.final_prompt},
                           {"notifyHook", nullptr},
                           {"discordInstanceId", "1446000000000000000"},
                           {"messageHash", success ? t.hash : ""}};
        return j;
    }
    const bool relay = f == Flavour::Relay;
    std::string status = s.status;
    if (relay && status == "NOT_START") status = "";
    std::string progress = progress_text(s.progress);
    if (failure) progress = relay ? "100%" : "";
    const bool csharp = f == Flavour::Csharp;
    const int width = s.image_kind == "grid" || s.image_kind == "preview" ? 512 : 512;
    j["id"] = t.id;
    j["action"] = t.action;
    j["customId"] = "";
    j["botType"] = csharp ? "MID_JOURNEY" : "";
    j["prompt"] = prompt_of(t, s, false);
    j["promptEn"] = prompt_of(t, s, true);
    j["description"] = t.description.empty() ? "提交成功" : t.description;
    j["state"] = t.state;
    j["mode"] = t.mode;
    j["proxy"] = "";
    j["submitTime"] = s.submit_epoch;
    j["startTime"] = s.start_epoch;
    j["finishTime"] = s.finish_epoch;
    j["imageUrl"] = image;
    j["imageHeight"] = csharp && !image.empty() ? width : 0;
    j["imageWidth"] = csharp && !image.empty() ? width : 0;
    j["status"] = status;
    j["progress"] = progress;
    j["failReason"] = s.fail_reason;
    j["buttons"] = success ? buttons_for(t) : ojson::array();
    j["maskBase64"] = "";
    ojson props;
    props["notifyHook"] = "";
    props["flags"] = 0;
    props["messageId"] = message_id;
    props["messageHash"] = success ? t.hash : "";
    props["nonce"] = "19222388" + t.id.substr(t.id.size() > 11 ? t.id.size() - 11 : 0);
    props["customId"] = "";
    props["finalPrompt"] = t.final_prompt;
    props["finalZhPrompt"] = t.action == "IMAGINE" ? t.prompt : "";
    props["progressMessageId"] = message_id;
    props["messageContent"] = t.final_prompt.empty() ? ""
                                                     : "**" + t.final_prompt + "** - <@1364921896055083058> (" +
                                                           (t.mode == "RELAX" ? "relaxed" : "fast") + ")";
    props["discordInstanceId"] = "1446000000000000000";
    props["discordChannelId"] = "1446000000000000000";
    if (!t.parent_id.empty()) props["parentTaskId"] = t.parent_id;
    j["properties"] = props;
    if (!csharp) return j;

    // The C# midjourney-proxy: dozens of extra fields.
    j["promptFull"] = t.final_prompt;
    j["thumbnailUrl"] = image.empty() ? ojson(nullptr) : ojson(image);
    j["displays"] = {{"status", status_zh(s.status)},
                     {"mode", t.mode == "RELAX"   ? "慢速"
                              : t.mode == "TURBO" ? "极速"
                                                  : "快速"},
                     {"action", action_zh(t.action)},
                     {"submitTime", cst_time(s.submit_epoch)},
                     {"startTime", cst_time(s.start_epoch)},
                     {"finishTime", cst_time(s.finish_epoch)},
                     {"discordInstanceId", "1446000000000000000"}};
    j["isCompleted"] = s.terminal;
    j["seed"] = success ? ojson(t.seed_value) : ojson(nullptr);
    j["useTime"] =
        s.finish_epoch > 0 && s.start_epoch > 0 ? ojson((s.finish_epoch - s.start_epoch) / 1000) : ojson(nullptr);
    j["parentId"] = nullable_str(t.parent_id);
    j["instanceId"] = "1446000000000000000";
    j["subInstanceId"] = nullptr;
    j["accountId"] = "1446000000000000000";
    j["accountFilter"] = {
        {"instanceId", ""}, {"modes", ojson::array()}, {"remix", nullptr}, {"remixAutoConsidered", nullptr}};
    j["nonce"] = props["nonce"];
    j["messageId"] = message_id;
    j["messageIds"] = ojson::array({message_id});
    j["interactionMetadataId"] = nullptr;
    j["remixAutoSubmit"] = false;
    j["remixModaling"] = s.status == "MODAL";
    j["remixModalMessageId"] = nullptr;
    j["isReplicate"] = false;
    j["replicateSource"] = nullptr;
    j["replicateTarget"] = nullptr;
    j["isPartner"] = false;
    j["partnerTaskId"] = nullptr;
    j["partnerTaskInfo"] = nullptr;
    j["partnerFailReason"] = nullptr;
    j["isOfficial"] = false;
    j["officialTaskId"] = nullptr;
    j["isWebhook"] = false;
    j["userId"] = nullptr;
    j["clientIp"] = "127.0.0.1";
    j["isWhite"] = false;
    j["jobId"] = success ? ojson(t.hash) : ojson(nullptr);
    j["imageUrls"] = image.empty() || !success ? ojson(nullptr) : ojson::array({{{"url", image}}});
    j["videoType"] = nullptr;
    j["videoUrls"] = nullptr;
    j["videoGenOriginImageUrl"] = nullptr;
    j["quality"] = nullptr;
    j["batchSize"] = nullptr;
    j["sref"] = nullptr;
    j["cref"] = nullptr;
    j["speed"] = t.mode == "RELAX" ? "RELAX" : "FAST";
    j["bot"] = nullptr;
    j["botModel"] = "MID_JOURNEY";
    j["createTime"] = s.submit_epoch;
    j["updateTime"] = s.finish_epoch > 0 ? s.finish_epoch : s.start_epoch > 0 ? s.start_epoch : s.submit_epoch;
    j["isApiBlocked"] = false;
    j["isVideo"] = t.action == "VIDEO";
    j["storageUrl"] = nullptr;
    return j;
}

std::string render_task_body(const TaskRecord& t, const Snapshot& s, Flavour f, const ImageUrlFn& url)
{
    return render_task(t, s, f, url).dump();
}

ojson render_submit(const SubmitResult& r, Flavour f)
{
    ojson j;
    j["code"] = r.code;
    j["description"] = r.description;
    if (r.result.empty()) {
        j["result"] = nullptr;
    } else if (f == Flavour::Relay && r.result.size() <= 16 && r.result < "9007199254740992") {
        j["result"] = std::stoll(r.result); // some relays send the id as a number
    } else {
        j["result"] = r.result;
    }
    j["properties"] = r.properties.is_null() ? ojson::object() : r.properties;
    if (f == Flavour::Java && r.properties.is_null()) j["properties"] = nullptr;
    return j;
}

Answer unauthorized_answer(Flavour f)
{
    switch (f) {
    case Flavour::Java:
        return {401, "", ""};
    case Flavour::Csharp:
        return {401, R"({"code":401,"description":"未授权","result":null})", "application/json"};
    case Flavour::Dmxapi:
    case Flavour::Relay:
        break;
    }
    return {401, R"({"error":{"message":"无效的令牌","type":"new_api_error","param":"","code":"invalid_api_key"}})",
            "application/json"};
}

Answer task_not_found_answer(Flavour f)
{
    switch (f) {
    case Flavour::Java:
        return {200, "", ""}; // Spring answers a null task with an empty 200
    case Flavour::Csharp:
        return {204, "", ""}; // ASP.NET answers null with 204 No Content
    case Flavour::Dmxapi:
    case Flavour::Relay:
        break;
    }
    return {400, R"({"description":"task_no_found ","type":"upstream_error","code":4})", "application/json"};
}

Answer no_route_answer(Flavour f, const std::string& method, const std::string& path)
{
    if (f == Flavour::Java) {
        ojson j{
            {"timestamp", "2025-12-05T00:00:00.000+00:00"}, {"status", 404}, {"error", "Not Found"}, {"path", path}};
        return {404, j.dump(), "application/json"};
    }
    if (f == Flavour::Csharp) return {404, "", ""};
    ojson j{{"error",
             {{"message", "Invalid URL (" + method + " " + path + ")"},
              {"type", "invalid_request_error"},
              {"param", ""},
              {"code", ""}}}};
    return {404, j.dump(), "application/json"};
}

Answer bad_request_answer(Flavour f, const std::string& message)
{
    if (f == Flavour::Java) {
        ojson j{{"code", 4}, {"description", message}, {"result", nullptr}, {"properties", nullptr}};
        return {400, j.dump(), "application/json"};
    }
    ojson j{{"code", 4}, {"description", message}, {"result", nullptr}, {"properties", ojson::object()}};
    return {400, j.dump(), "application/json"};
}

} // namespace mjserver
