/*
 * Training look-alike of Halyk ePay payment-api.js (structure per the vendored copies).
 * __PAGE_URL__, __ORIGIN__, __TOKEN_URL__ are filled in by the emulator when served.
 */
var halyk;
(function (halyk) {
    var isTest = true;
    var testConfig = {
        pageUrL: "__PAGE_URL__",
        origin: "__ORIGIN__",
        TokenAPIConfig: {
            url: "__TOKEN_URL__",
            clientId: "test"
        }
    };
    var prodConfig = testConfig;
    function Config() {
        if (isTest)
            return testConfig;
        else
            return prodConfig;
    }
    halyk.Config = Config;
    var pageUrl = Config().pageUrL;
    var paymentPageOrigin = Config().origin;
    function encodeParams(params) {
        if (params === undefined || params === null) {
            return "";
        }
        if (typeof params !== "object") {
            return "" + params;
        }
        var result = [];
        for (var name in params) {
            result.push(name + "=" + encodeURIComponent(encodeParams(params[name])));
        }
        return result.join("&");
    }
    function pay(params) {
        location.href = pageUrl + "?params=" + LZString.compressToEncodedURIComponent(encodeParams(params));
    }
    halyk.pay = pay;
    function p2p(params) {
        location.href = pageUrl + "?params=" + LZString.compressToEncodedURIComponent(encodeParams(params)) + "&isTransfer=true";
    }
    halyk.p2p = p2p;
    function aft(params) {
        location.href = pageUrl + "?params=" + LZString.compressToEncodedURIComponent(encodeParams(params)) + "&isAFT=true";
    }
    halyk.aft = aft;
    function oct(params) {
        location.href = pageUrl + "?params=" + LZString.compressToEncodedURIComponent(encodeParams(params)) + "&isOCT=true";
    }
    halyk.oct = oct;
    var paymentWidgedCallBack = undefined;
    var widgetNode = undefined;
    function addCssClass() {
        var style = document.createElement("style");
        style.type = "text/css";
        var styleClasses = ".widgetScreen {position: fixed; top: 0; bottom: 0; left: 0; right: 0; z-index: 1000; background-color: rgba(5, 5, 5, 0.5); display: flex; justify-content: center; align-items: center;}";
        styleClasses += " .iframeBox {width: 400px; z-index: 1010; background-color: #fff;}";
        styleClasses += " .iframeHolder {width: 100%; height: 100%;}";
        styleClasses += " .iframeClass {width: 100%; height: 90vh; border: none;}";
        style.innerHTML = styleClasses;
        document.getElementsByTagName("head")[0].appendChild(style);
    }
    function onCommandRecieved(evnt) {
        if (evnt.origin.indexOf(paymentPageOrigin) === 0) {
            var result = JSON.parse(evnt.data);
            paymentWidgedCallBack({ success: result.success === true });
            document.body.removeChild(widgetNode);
            widgetNode = undefined;
        }
    }
    function showPaymentWidget(params, callBack) {
        paymentWidgedCallBack = callBack;
        addCssClass();
        if (!widgetNode) {
            widgetNode = document.createElement("DIV");
            widgetNode.className = "widgetScreen";
            var iframeBox = document.createElement("DIV");
            iframeBox.className = "iframeBox";
            var iframeHolder = document.createElement("DIV");
            iframeHolder.className = "iframeHolder";
            var iframe = document.createElement("IFRAME");
            iframe.className = "iframeClass";
            iframe.src = pageUrl + "?params=" + LZString.compressToEncodedURIComponent(encodeParams(params)) + "&isShortForm=true";
            // var closeButton = document.createElement("DIV");  (close button disabled upstream)
            iframeHolder.appendChild(iframe);
            iframeBox.appendChild(iframeHolder);
            widgetNode.appendChild(iframeBox);
            document.body.appendChild(widgetNode);
            window.addEventListener("message", onCommandRecieved, false);
        }
    }
    halyk.showPaymentWidget = showPaymentWidget;
})(halyk || (halyk = {}));
